// Issue 13, point 7: `npm run report` runs the import and tenure code in Node on CRM exports.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ReportInputError, buildReport, type Report, type ReportFile } from '../../scripts/report/build';
import { formatReport } from '../../scripts/report/text';

const DIR = 'tests/fixtures/import';
const file = (name: string): ReportFile => ({ name, text: readFileSync(`${DIR}/${name}`, 'utf8') });
const AS_OF = '2026-12-03';
const SALESFORCE = ['salesforce-accounts.csv', 'salesforce-opportunities.csv', 'salesforce-opportunity-products.csv'];
const HUBSPOT = ['hubspot-companies.csv', 'hubspot-deals.csv'];

const report = (names: string[], asOf = AS_OF) => buildReport(names.map(file), { asOf });
const customer = (r: Report, name: string) => {
  const c = r.customers.find((x) => x.name === name);
  if (!c) throw new Error(`${name} is not in the report: ${r.customers.map((x) => x.name).join(', ')}`);
  return c;
};

describe('npm run report on the fixture exports', () => {
  it('Acme has no "new" revenue for its renewals (Salesforce types; HubSpot since 2019 from the CRM)', async () => {
    const sf = customer(await report(SALESFORCE), 'Acme Corp');
    expect(sf.mix.allTime).toEqual({ USD: { existing: 28_800, cross_sell: 6_900.5, new: 0, total: 35_700.5 } });
    expect(sf.kindSources).toEqual({ crm: 5, rep: 0, estimate: 0 });
    expect(sf.crmIds).toEqual(['001Dn00000AcmeCoAA']);

    const hs = customer(await report(HUBSPOT), 'Acme Corp');
    expect(hs).toMatchObject({ since: '2019-04-01', sinceSource: 'crm', tenureMonths: 7 * 12 + 8, earlierNotImported: true, prospect: false });
    expect(hs.mix.allTime).toEqual({ USD: { existing: 16_500.5, cross_sell: 0, new: 0, total: 16_500.5 } });
    expect(hs.mix.last12).toEqual({});
  });

  it("the opportunities-with-products file is not double counted: Acme's 2025-03-14 opportunity is 16,800.00 USD", async () => {
    // As of 2025-03-31 the last 12 months hold that opportunity alone (Platform 12,000 + Analytics 4,800).
    const r = await report(['salesforce-accounts.csv', 'salesforce-opportunity-products.csv'], '2025-03-31');
    expect(customer(r, 'Acme Corp').mix.last12).toEqual({ USD: { existing: 16_800, cross_sell: 0, new: 0, total: 16_800 } });
    expect(r.files.find((f) => f.file === 'salesforce-opportunity-products.csv')).toMatchObject({ imported: 7, skipped: 1, rejected: [] });
  });

  it("Hooli's risk is not low, and says why", async () => {
    const hooli = customer(await report(SALESFORCE), 'Hooli');
    expect(hooli.risk.level).not.toBe('low');
    expect(hooli.risk).toMatchObject({ level: 'medium', score: 4 });
    expect(hooli.risk.signals[0]).toEqual({ code: 'revenue_stopped', weight: 3, args: ['2024-10-15', '25'] });
    expect(hooli.mix.allTime).toEqual({ JPY: { existing: 0, cross_sell: 0, new: 1_500_000, total: 1_500_000 } });
  });

  it('Globex (HubSpot lifecycle Opportunity) and Umbrella (Salesforce Type Prospect) are prospects, listed last and out of the book', async () => {
    const hs = await report(HUBSPOT);
    expect(customer(hs, 'Globex Ltd').prospect).toBe(true);
    expect(hs.customers.at(-1)!.name).toBe('Globex Ltd');
    expect(hs.book).toMatchObject({ customers: 2, prospects: 1 });
    expect(Object.keys(hs.book.mix.allTime).sort()).toEqual(['EUR', 'USD']);

    const sf = await report(SALESFORCE);
    expect(customer(sf, 'Umbrella Corporation').prospect).toBe(true);
    expect(sf.customers.at(-1)!.name).toBe('Umbrella Corporation');
    expect(sf.book).toMatchObject({ customers: sf.customers.length - 1, prospects: 1 });
    const levels = sf.book.riskLevels;
    expect(levels.high + levels.medium + levels.low + levels.unknown).toBe(sf.book.customers);
    // Riskiest first, as the book orders them.
    const scores = sf.customers.filter((c) => !c.prospect).map((c) => c.risk.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('amounts are in major units of each currency: JPY without decimals, BHD with three', async () => {
    const r = await report(SALESFORCE);
    expect(customer(r, 'Tyrell Corporation').mix.allTime).toEqual({ BHD: { existing: 0, cross_sell: 0, new: 1.234, total: 1.234 } });
    expect(r.book.mix.allTime.JPY).toEqual({ existing: 0, cross_sell: 0, new: 1_500_000, total: 1_500_000, shares: { existing: 0, cross_sell: 0, new: 1 } });
    expect(r.book.benchmark).toEqual({ existing: 0.75, cross_sell: 0.15, new: 0.1 });
  });

  it('JSON keys exactly as documented in the README ("Book report")', async () => {
    const extra: ReportFile[] = [
      { name: 'notes.txt', text: 'just some notes\n' },
      { name: 'no-stage.csv', text: 'Deal Name,Amount,Currency,Close Date,Associated Company\nAcme extra,100,USD,2025-01-01,Acme Corp\n' },
    ];
    const r = await buildReport([...[...SALESFORCE, ...HUBSPOT].map(file), ...extra], { asOf: AS_OF });
    expect(r.files.at(-1)!.warnings.map((w) => w.code)).toEqual(['no_stage_column']);
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Book report'));
    const documented = JSON.parse(/```json\n([\s\S]*?)```/.exec(section)![1]!) as unknown;
    // Every key path, over every element: currency codes are data (<CUR>), and both windows share a shape.
    const keysOf = (v: unknown, path = ''): string[] => {
      if (Array.isArray(v)) return v.flatMap((x) => keysOf(x, `${path}[].`));
      if (v === null || typeof v !== 'object') return [];
      return Object.entries(v).flatMap(([k, x]) => {
        const key = /^[A-Z]{3}$/.test(k) ? '<CUR>' : k === 'last12' || k === 'allTime' ? '<window>' : k;
        return [`${path}${key}`, ...keysOf(x, `${path}${key}.`)];
      });
    };
    const actual = [...new Set(keysOf(r))];
    const doc = [...new Set(keysOf(documented))];
    // Every key the report writes is documented, and the documented ones are written (rejected[].column only when a column is at fault).
    expect(actual.filter((k) => !doc.includes(k))).toEqual([]);
    expect(doc.filter((k) => !actual.includes(k))).toEqual([]);
    expect(Object.keys(r)).toEqual(['asOf', 'files', 'customers', 'book']);
    expect(Object.keys(r.customers[0]!)).toEqual(['name', 'crmIds', 'prospect', 'since', 'sinceSource', 'tenureMonths', 'mix', 'kindSources', 'earlierNotImported', 'risk']);
    expect(Object.keys(r.book)).toEqual(['customers', 'prospects', 'mix', 'benchmark', 'riskLevels']);
    expect(Object.keys(r.book.riskLevels)).toEqual(['high', 'medium', 'low', 'unknown']);
  });

  it('a file that is not an export is reported with its problem and the others still import; a bad --as-of is refused', async () => {
    const r = await buildReport([{ name: 'notes.txt', text: 'just some notes\nnothing here' }, { name: 'empty.csv', text: '' }, file('hubspot-companies.csv')], { asOf: AS_OF });
    expect(r.files[0]).toMatchObject({ file: 'notes.txt', imported: 0, problem: { code: 'missing_columns', params: ['name'] } });
    expect(r.files[1]).toMatchObject({ file: 'empty.csv', imported: 0, problem: { code: 'empty' } });
    expect(r.files[2]).toMatchObject({ source: 'hubspot', kind: 'accounts', imported: 3, problem: null });
    expect(r.customers.map((c) => c.name).sort()).toEqual(['Acme Corp', 'Globex Ltd', 'Initech']);
    await expect(buildReport([file('hubspot-companies.csv')], { asOf: '2026-02-30' })).rejects.toBeInstanceOf(ReportInputError);
  });

  it('the text report shows since with its source, the mix per currency, the risk and its reasons', async () => {
    const text = formatReport(await report(SALESFORCE));
    const hooli = text.split('\n').find((l) => l.trimStart().startsWith('Hooli'))!;
    expect(hooli).toMatch(/2024-10-15 \(first purchase\)/);
    expect(hooli).toMatch(/medium \(4\)/);
    expect(hooli).toMatch(/JPY .*0 \/ 0 \/ 1,500,000/);
    expect(hooli).toContain('No revenue in the last 12 months (last purchase 2024-10-15, 25 months ago)');
    expect(text).toMatch(/Umbrella Corporation\s+prospect/);
    expect(text).toContain('Benchmark 75 / 15 / 10');
  });

  it('the real command: --json prints what buildReport returns; a missing file exits with code 2', async () => {
    const paths = HUBSPOT.map((n) => `${DIR}/${n}`);
    const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/report.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
    const ok = run(['--as-of', AS_OF, '--json', ...paths]);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const expected = await buildReport(paths.map((p) => ({ name: p, text: readFileSync(p, 'utf8') })), { asOf: AS_OF });
    expect(JSON.parse(ok.stdout)).toEqual(expected);

    const missing = run(['--as-of', AS_OF, `${DIR}/no-such-export.csv`]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no such file');
  }, 60_000);
});
