/**
 * `npm run report -- [--as-of YYYY-MM-DD] [--json] [--since-from-created] <export files…>`:
 * a book report from CRM exports, with the extension's own import and tenure code run in Node
 * (no browser): every customer's since, tenure, revenue mix and where its kinds came from,
 * risk level, score and signals, then the book against 75/15/10. Text by default; `--json`
 * prints the stable shape documented in README.md ("Book report"). Exit code 2 for a missing
 * file or a bad option; a file that is not a recognisable export is reported and skipped.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ReportInputError, buildReport, checkAsOf, type ReportFile } from './report/build';
import { formatReport } from './report/text';

const USAGE = 'usage: npm run report -- [--as-of YYYY-MM-DD] [--json] [--since-from-created] <export files…>';

function fail(why: string): never {
  console.error(`report: ${why}`);
  console.error(USAGE);
  process.exit(2);
}

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      'as-of': { type: 'string' },
      json: { type: 'boolean', default: false },
      'since-from-created': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}
try {
  parsed = parse();
} catch (e) {
  fail((e as Error).message);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!positionals.length) fail('no export files given');

const asOf = values['as-of'];
try {
  if (asOf !== undefined) checkAsOf(asOf);
} catch (e) {
  if (e instanceof ReportInputError) fail(e.message);
  throw e;
}

const files: ReportFile[] = positionals.map((name) => {
  let isFile = false;
  try {
    isFile = statSync(name).isFile();
  } catch {
    fail(`no such file: ${name}`);
  }
  if (!isFile) fail(`not a file: ${name}`);
  return { name, text: readFileSync(name, 'utf8') };
});

const report = await buildReport(files, { ...(asOf !== undefined ? { asOf } : {}), sinceFromCreated: values['since-from-created'] });
process.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report));
