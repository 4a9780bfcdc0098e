import { describe, expect, it } from 'vitest';
import type { RevenueLine } from '../../../lib/model';
import { REASON_SOURCE, classifyCustomerLines, classifyLines } from '../../../lib/tenure/classify';
import { line } from './fixtures';

/** product@date=kind/reason, in history order. */
const verdicts = (lines: RevenueLine[], since?: string) =>
  classifyCustomerLines(lines, { since }).map((l) => `${l.product}@${l.date}=${l.kind}/${l.reason}${l.gapMonths !== undefined ? `:${l.gapMonths}` : ''}`);

describe('classification that uses what is known (issue 13)', () => {
  it('an export that starts years after "customer since" has no new business: renewals are existing', () => {
    // Acme: a customer since 2019; the export holds 2024 only.
    const lines = [line({ date: '2024-03-14', product: 'Platform', amount: 12_000_00 }), line({ date: '2024-06-01', product: 'Analytics', amount: 4_500_50 })];
    expect(verdicts(lines, '2019-04-01')).toEqual(['Platform@2024-03-14=existing/before_data', 'Analytics@2024-06-01=cross_sell/new_product']);
    // Without the relationship's start the same file reads as a new customer (the old answer).
    expect(verdicts(lines)).toEqual(['Platform@2024-03-14=new/first_purchase', 'Analytics@2024-06-01=cross_sell/new_product']);
  });

  it('a first purchase within the grace days of "customer since" is the one that began it', () => {
    const lines = [line({ date: '2021-03-01', product: 'Seats' })];
    expect(verdicts(lines, '2021-02-11')).toEqual(['Seats@2021-03-01=new/first_purchase']);
    expect(verdicts(lines, '2020-11-01')).toEqual(['Seats@2021-03-01=existing/before_data']);
    // A "customer since" after the first purchase (set late) does not make that purchase old.
    expect(verdicts(lines, '2022-01-01')).toEqual(['Seats@2021-03-01=new/first_purchase']);
  });

  it("the CRM's deal type decides new vs existing; a product new to the customer is cross-sell", () => {
    const lines = [
      line({ date: '2024-03-14', product: 'Platform', dealType: 'existing_business' }),
      line({ date: '2024-06-01', product: 'Analytics', dealType: 'existing_business' }),
      line({ date: '2025-03-14', product: 'Platform', dealType: 'existing_business' }),
      line({ date: '2025-07-07', product: 'Platform', dealType: 'new_business' }),
    ];
    expect(verdicts(lines)).toEqual([
      'Platform@2024-03-14=existing/crm_existing',
      'Analytics@2024-06-01=cross_sell/crm_cross_sell',
      'Platform@2025-03-14=existing/crm_existing',
      'Platform@2025-07-07=new/crm_new',
    ]);
    expect(new Set(classifyCustomerLines(lines).map((l) => REASON_SOURCE[l.reason]))).toEqual(new Set(['crm']));
  });

  it('the CRM calling a deal new business wins over "customer since", and starts a relationship', () => {
    const lines = [
      line({ date: '2024-07-07', product: 'Starter', dealType: 'new_business' }),
      line({ date: '2024-09-01', product: 'Starter' }),
      line({ date: '2024-10-01', product: 'Seats' }),
    ];
    expect(verdicts(lines, '2021-02-11')).toEqual([
      'Starter@2024-07-07=new/crm_new',
      'Starter@2024-09-01=existing/repeat_product',
      'Seats@2024-10-01=cross_sell/new_product',
    ]);
  });

  it('a lapse and a win-back: the return is new, with the months it was away', () => {
    const lines = [
      line({ date: '2019-01-10', product: 'Seats' }),
      line({ date: '2020-01-10', product: 'Seats' }),
      line({ date: '2022-03-15', product: 'Seats' }),
      line({ date: '2022-09-01', product: 'Seats' }),
    ];
    expect(verdicts(lines, '2019-01-01')).toEqual([
      'Seats@2019-01-10=new/first_purchase',
      'Seats@2020-01-10=existing/repeat_product',
      'Seats@2022-03-15=new/won_back:26',
      'Seats@2022-09-01=existing/repeat_product',
    ]);
  });

  it('a lapse the CRM calls existing business is not a win-back', () => {
    const lines = [line({ date: '2019-01-10', product: 'Seats' }), line({ date: '2022-03-15', product: 'Seats', dealType: 'existing_business' })];
    expect(verdicts(lines)).toEqual(['Seats@2019-01-10=new/first_purchase', 'Seats@2022-03-15=existing/crm_existing']);
  });

  it("the rep's correction beats the CRM and history, and still counts as history", () => {
    const lines = [
      line({ date: '2024-03-14', product: 'Platform', dealType: 'new_business', kind: 'existing' }),
      line({ date: '2024-06-01', product: 'Platform' }),
    ];
    const out = classifyCustomerLines(lines);
    expect(out.map((l) => `${l.kind}/${l.reason}/${l.kindDerived}`)).toEqual(['existing/corrected/false', 'existing/repeat_product/true']);
    expect(REASON_SOURCE[out[0]!.reason]).toBe('rep');
  });

  it('the bulk form reads each customer\'s "customer since"', () => {
    const lines = [
      line({ customerId: 'a', date: '2024-03-14', product: 'Platform' }),
      line({ customerId: 'b', date: '2024-03-14', product: 'Platform' }),
    ];
    const since = new Map([['a', '2019-04-01']]);
    const out = classifyLines(lines, { sinceOf: (id) => since.get(id) });
    expect(out.map((l) => `${l.customerId}:${l.kind}/${l.reason}`)).toEqual(['a:existing/before_data', 'b:new/first_purchase']);
  });

  it('a refund before any purchase in a late export is existing business too', () => {
    const lines = [line({ date: '2024-01-10', product: 'Platform', amount: -50_00 }), line({ date: '2024-03-14', product: 'Platform' })];
    expect(verdicts(lines, '2019-04-01')).toEqual(['Platform@2024-01-10=existing/refund', 'Platform@2024-03-14=existing/before_data']);
    expect(verdicts(lines)).toEqual(['Platform@2024-01-10=new/refund', 'Platform@2024-03-14=new/first_purchase']);
  });

  it('a refund names itself and takes its purchase\'s kind', () => {
    const lines = [line({ date: '2024-03-14', product: 'Platform' }), line({ date: '2024-04-01', product: 'Platform', amount: -50_00 })];
    expect(verdicts(lines, '2019-04-01')).toEqual(['Platform@2024-03-14=existing/before_data', 'Platform@2024-04-01=existing/refund']);
  });
});
