import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { atMost, type BenchRow } from './rows';

const CONTENT_BUDGET = 20 * 1024;

/** gzip size of every script in the Chrome build; the content script has a budget. */
export function benchSizes(dir = `${process.env.HOLDFAST_OUT ?? '.output'}/chrome-mv3`): BenchRow[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = path.join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.js')) files.push(p);
    }
  };
  walk(dir);
  return files.sort().map((file) => {
    const rel = path.relative(dir, file);
    const gz = gzipSync(readFileSync(file), { level: 9 }).length;
    return rel.startsWith('content-scripts/')
      ? atMost(`gzip ${rel}`, gz, 'B', CONTENT_BUDGET)
      : { name: `gzip ${rel}`, value: gz, unit: 'B', budget: 'report' };
  });
}
