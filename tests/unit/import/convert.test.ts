import { describe, expect, it } from 'vitest';
import { convertTable, isWon, parseCsv, UNSPECIFIED_PRODUCT } from '@/lib/import';
import { fixture, proposedSpec } from './helpers';

describe('rows to drafts', () => {
  it('Salesforce accounts: good rows convert, bad rows say row, column and why', () => {
    const table = fixture('salesforce-accounts.csv');
    // The user chose the created date as "customer since" (it is never proposed silently).
    const out = convertTable(table, { ...proposedSpec(table, { sinceFromCreated: true }), kind: 'accounts' });
    expect(out.drafts).toHaveLength(8);
    expect(out.rejected).toEqual([
      { row: 5, column: 'Created Date', code: 'bad_date', params: ['2/30/2021'] },
      { row: 7, column: 'Account Name', code: 'missing_value', params: [] },
    ]);
    expect(out.drafts[0]).toEqual({
      row: 2, recordId: '001Dn00000AcmeCoAA', name: 'Acme Corp', domains: ['acme.com'], customerSince: '2019-03-14', sinceSource: 'crm_created',
      owner: 'Dana Rep', prospect: false,
    });
    expect(out.drafts.find((d) => d.name === 'Initech, Inc.')?.domains).toEqual(['initech.com']);
    expect(out.drafts.find((d) => d.name === 'Cyberdyne Systems')?.domains).toEqual([]);
    // A 15-character id is stored the way the Salesforce adapter reads it from a page.
    expect(out.drafts.find((d) => d.name === 'Tyrell Corporation')?.recordId).toBe('001Dn00000TyrelIAB');
    expect(out.warnings).toEqual([]); // 3/14/2019 proves month first
  });

  it('Salesforce opportunities: only Closed Won becomes revenue, in minor units per currency', () => {
    const table = fixture('salesforce-opportunities.csv');
    const out = convertTable(table, { ...proposedSpec(table), kind: 'deals' });
    expect(out.skipped.map((s) => [s.row, s.code, s.params[0]])).toEqual([
      [4, 'not_won', 'Closed Lost'],
      [6, 'not_won', 'Prospecting'],
    ]);
    expect(out.rejected).toEqual([{ row: 8, column: 'Amount', code: 'bad_amount', params: ['twelve'] }]);
    const byRow = Object.fromEntries(out.drafts.map((d) => [d.row, d]));
    expect(byRow[2]).toMatchObject({ amount: 1_200_000, currency: 'USD', date: '2024-03-14', product: 'Platform', account: { id: '001Dn00000AcmeCoAA', name: 'Acme Corp' } });
    expect(byRow[3]).toMatchObject({ amount: 450_050 });
    expect(byRow[5]).toMatchObject({ amount: 1_500_000, currency: 'JPY' });
    expect(byRow[7]).toMatchObject({ amount: -25_000 });
    expect(byRow[9]).toMatchObject({ amount: 1234, currency: 'BHD', account: { id: '001Dn00000TyrelIAB' } });
  });

  it('HubSpot deals: a bad close date is rejected, open stages skipped', () => {
    const table = fixture('hubspot-deals.csv');
    const out = convertTable(table, { ...proposedSpec(table), kind: 'deals' });
    expect(out.drafts.map((d) => d.row)).toEqual([2, 3, 5]);
    expect(out.rejected).toEqual([{ row: 6, column: 'Close Date', code: 'bad_date', params: ['sometime'] }]);
    expect(out.skipped.map((s) => s.params[0])).toEqual(['Closed Lost', 'Appointment Scheduled']);
  });

  it('Pipedrive deals: status won only; yen with decimals is refused', () => {
    const table = fixture('pipedrive-deals.csv');
    const out = convertTable(table, { ...proposedSpec(table), kind: 'deals' });
    expect(out.drafts.map((d) => [d.recordId, d.account.id, d.date])).toEqual([
      ['9051', '377', '2024-03-14'],
      ['9052', '377', '2024-06-01'],
    ]);
    expect(out.rejected).toEqual([{ row: 6, column: 'Deal - Value', code: 'too_many_decimals', params: ['12.5', 'JPY', '0'] }]);
    expect(out.skipped.map((s) => s.params[0])).toEqual(['lost', 'open']);
  });

  it('Pipedrive organisations: a dotted date is day first', () => {
    const table = fixture('pipedrive-organizations.csv');
    const out = convertTable(table, { ...proposedSpec(table, { sinceFromCreated: true }), kind: 'accounts' });
    expect(out.drafts.map((d) => d.customerSince)).toEqual(['2019-03-14', '2020-11-02', '2021-02-14']);
  });

  it('ambiguous slash dates import month first with a warning; the user can turn them round', () => {
    const table = parseCsv('Company,Customer since\nA,3/4/2021\nB,5/6/2021\n');
    const auto = convertTable(table, { ...proposedSpec(table), kind: 'accounts' });
    expect(auto.warnings).toEqual([{ code: 'ambiguous_dates', params: ['Customer since', '3/4/2021'] }]);
    expect(auto.drafts[0]?.customerSince).toBe('2021-03-04');
    const dmy = convertTable(table, { ...proposedSpec(table), kind: 'accounts', dateOrder: 'dmy' });
    expect(dmy.warnings).toEqual([]);
    expect(dmy.drafts[0]?.customerSince).toBe('2021-04-03');
  });

  it('money problems: currency column, default currency, written codes', () => {
    const table = parseCsv(
      'Customer,Amount,Currency,Date\nA,10,,2024-01-01\nB,10,eur,2024-01-01\nC,USD 10,EUR,2024-01-01\nD,10,$,2024-01-01\nE,,USD,2024-01-01\nF,GBP 7,,2024-01-01\n',
    );
    const spec = { ...proposedSpec(table), kind: 'deals' as const };
    const noDefault = convertTable(table, spec);
    expect(noDefault.rejected.map((r) => [r.row, r.code])).toEqual([
      [2, 'no_currency'],
      [4, 'currency_mismatch'],
      [5, 'bad_currency'],
      [6, 'missing_value'],
    ]);
    expect(noDefault.drafts.map((d) => [d.row, d.currency, d.product])).toEqual([[3, 'EUR', UNSPECIFIED_PRODUCT], [7, 'GBP', UNSPECIFIED_PRODUCT]]);
    expect(noDefault.warnings).toContainEqual({ code: 'no_stage_column', params: [] });
    const withDefault = convertTable(table, { ...spec, defaultCurrency: 'CHF' });
    expect(withDefault.drafts.find((d) => d.row === 2)?.currency).toBe('CHF');
  });

  it('a record id twice in one file imports once and reports the second', () => {
    const table = parseCsv('Account ID,Account Name\n001A,One\n001A,Again\n');
    const out = convertTable(table, { ...proposedSpec(table), kind: 'accounts' });
    expect(out.drafts).toHaveLength(1);
    expect(out.rejected).toEqual([{ row: 3, column: 'Account ID', code: 'duplicate_record', params: ['001A', '2'] }]);
  });

  it('won stages as each CRM writes them', () => {
    for (const s of ['Closed Won', 'closedwon', 'won', 'Won - paid', 'true', '1']) expect(isWon(s), s).toBe(true);
    for (const s of ['Closed Lost', 'lost', 'open', 'Prospecting', '', 'false', 'Not won']) expect(isWon(s), s).toBe(false);
  });
});
