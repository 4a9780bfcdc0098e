import { describe, expect, it } from 'vitest';
import type { RevenueLine } from '../../../lib/model';
import { classifyCustomerLines, classifyLines, deriveKinds } from '../../../lib/tenure/classify';
import { line } from './fixtures';

/** product@date → kind, in the order returned. */
const kinds = (lines: RevenueLine[], opts = {}) =>
  classifyCustomerLines(lines, opts).map((l) => `${l.product}@${l.date}${l.amount < 0 ? '-' : ''}=${l.kind}`);

describe('classify revenue lines', () => {
  it('first purchase is new, the same product again existing, another product cross-sell', () => {
    const lines = [
      line({ date: '2022-01-10', product: 'Seats' }),
      line({ date: '2023-01-10', product: 'Seats' }),
      line({ date: '2023-06-01', product: 'Support' }),
      line({ date: '2024-06-01', product: 'Support' }),
    ];
    expect(kinds(lines)).toEqual([
      'Seats@2022-01-10=new',
      'Seats@2023-01-10=existing',
      'Support@2023-06-01=cross_sell',
      'Support@2024-06-01=existing',
    ]);
  });

  it('every line of the first purchase day is new, even the same product twice', () => {
    const lines = [
      line({ date: '2022-01-10', product: 'Seats' }),
      line({ date: '2022-01-10', product: 'Support' }),
      line({ date: '2022-01-10', product: 'Seats' }),
      line({ date: '2022-02-10', product: 'Support' }),
    ];
    expect(kinds(lines)).toEqual(['Seats@2022-01-10=new', 'Support@2022-01-10=new', 'Seats@2022-01-10=new', 'Support@2022-02-10=existing']);
  });

  it('a product new on a later day is cross-sell for all its lines that day', () => {
    const lines = [
      line({ date: '2022-01-10', product: 'Seats' }),
      line({ date: '2022-05-01', product: 'Training' }),
      line({ date: '2022-05-01', product: 'Training' }),
    ];
    expect(kinds(lines).slice(1)).toEqual(['Training@2022-05-01=cross_sell', 'Training@2022-05-01=cross_sell']);
  });

  it('orders by date then id, whatever the input order', () => {
    const a = line({ date: '2022-01-10', product: 'Seats', id: 'b' });
    const b = line({ date: '2022-01-09', product: 'Support', id: 'z' });
    const c = line({ date: '2022-01-10', product: 'Add-on', id: 'a' });
    const forward = classifyCustomerLines([a, b, c]);
    const backward = classifyCustomerLines([c, b, a]);
    expect(forward.map((l) => l.id)).toEqual(['z', 'a', 'b']);
    expect(backward).toEqual(forward);
    expect(forward.map((l) => l.kind)).toEqual(['new', 'cross_sell', 'cross_sell']);
  });

  it('compares products ignoring case and spacing', () => {
    const lines = [line({ date: '2022-01-10', product: 'Premium  Seats' }), line({ date: '2022-03-10', product: ' premium seats' })];
    expect(classifyCustomerLines(lines)[1]!.kind).toBe('existing');
  });

  describe('refunds and negative amounts', () => {
    it('a refund takes the kind of its product and does not count as the first purchase', () => {
      const lines = [
        line({ date: '2022-01-05', product: 'Seats', amount: -50_00 }), // before any purchase: an orphan
        line({ date: '2022-01-10', product: 'Seats' }),
        line({ date: '2022-02-01', product: 'Seats', amount: -20_00 }),
        line({ date: '2022-03-01', product: 'Support' }),
        line({ date: '2022-04-01', product: 'Support', amount: -10_00 }),
      ];
      expect(kinds(lines)).toEqual([
        'Seats@2022-01-05-=new',
        'Seats@2022-01-10=new', // the refund did not start the relationship
        'Seats@2022-02-01-=new',
        'Support@2022-03-01=cross_sell',
        'Support@2022-04-01-=cross_sell',
      ]);
    });

    it('a same-day refund finds its purchase whatever the ids', () => {
      const lines = [
        line({ date: '2022-01-10', product: 'Seats' }),
        line({ id: 'a-refund', date: '2022-06-10', product: 'Support', amount: -100_00 }),
        line({ id: 'b-sale', date: '2022-06-10', product: 'Support' }),
      ];
      const out = classifyCustomerLines(lines);
      expect(out.map((l) => [l.id, l.kind])).toEqual([
        [lines[0]!.id, 'new'],
        ['a-refund', 'cross_sell'],
        ['b-sale', 'cross_sell'],
      ]);
    });

    it('refunding a product does not make it unknown, and a refund-only product is not known', () => {
      const lines = [
        line({ date: '2022-01-10', product: 'Seats' }),
        line({ date: '2022-02-10', product: 'Training', amount: -30_00 }), // orphan refund
        line({ date: '2022-03-10', product: 'Training' }),
        line({ date: '2022-04-10', product: 'Seats', amount: -100_00 }),
        line({ date: '2022-05-10', product: 'Seats' }),
      ];
      expect(kinds(lines)).toEqual([
        'Seats@2022-01-10=new',
        'Training@2022-02-10-=cross_sell',
        'Training@2022-03-10=cross_sell',
        'Seats@2022-04-10-=new', // refunds the first purchase, which was new business
        'Seats@2022-05-10=existing',
      ]);
    });

    it('refunds do not end a lapse', () => {
      const lines = [
        line({ date: '2020-01-10', product: 'Seats' }),
        line({ date: '2021-06-01', product: 'Seats', amount: -10_00 }),
        line({ date: '2022-06-01', product: 'Seats' }), // 29 months after the last purchase
      ];
      expect(kinds(lines).at(-1)).toBe('Seats@2022-06-01=new');
    });

    it('zero amounts count as purchases', () => {
      const lines = [line({ date: '2022-01-10', product: 'Trial', amount: 0 }), line({ date: '2022-02-10', product: 'Seats' })];
      expect(kinds(lines)).toEqual(['Trial@2022-01-10=new', 'Seats@2022-02-10=cross_sell']);
    });
  });

  it('ignores currency when deciding a kind', () => {
    const lines = [
      line({ date: '2022-01-10', product: 'Seats', currency: 'USD' }),
      line({ date: '2022-01-10', product: 'Seats', currency: 'EUR' }),
      line({ date: '2022-03-10', product: 'Seats', currency: 'CNY' }),
      line({ date: '2022-04-10', product: 'Support', currency: 'EUR' }),
    ];
    expect(classifyCustomerLines(lines).map((l) => `${l.currency}:${l.kind}`)).toEqual([
      'USD:new',
      'EUR:new',
      'CNY:existing',
      'EUR:cross_sell',
    ]);
  });

  describe('a customer who left and came back', () => {
    const history = () => [
      line({ date: '2018-03-01', product: 'Seats' }),
      line({ date: '2019-03-01', product: 'Seats' }),
      line({ date: '2021-03-01', product: 'Seats' }), // exactly 24 months later: still the same relationship
      line({ date: '2023-03-02', product: 'Support' }), // 24 months and a day: lapsed, won back
      line({ date: '2023-03-02', product: 'Seats' }),
      line({ date: '2023-09-01', product: 'Training' }),
      line({ date: '2024-03-01', product: 'Support' }),
    ];

    it('returns after more than 24 months as new business, with known products starting over', () => {
      expect(kinds(history())).toEqual([
        'Seats@2018-03-01=new',
        'Seats@2019-03-01=existing',
        'Seats@2021-03-01=existing',
        'Support@2023-03-02=new',
        'Seats@2023-03-02=new',
        'Training@2023-09-01=cross_sell',
        'Support@2024-03-01=existing',
      ]);
    });

    it('sells an old product after the return as cross-sell', () => {
      const lines = [
        line({ date: '2015-01-01', product: 'Seats' }),
        line({ date: '2020-01-01', product: 'Support' }),
        line({ date: '2020-06-01', product: 'Seats' }),
      ];
      expect(kinds(lines)).toEqual(['Seats@2015-01-01=new', 'Support@2020-01-01=new', 'Seats@2020-06-01=cross_sell']);
    });

    it('a refund after the return still takes the kind of the purchase it refunds', () => {
      const lines = [
        line({ date: '2015-01-01', product: 'Seats' }),
        line({ date: '2020-01-01', product: 'Support' }),
        line({ date: '2020-02-01', product: 'Seats', amount: -10_00 }),
      ];
      expect(kinds(lines).at(-1)).toBe('Seats@2020-02-01-=new');
    });

    it('takes the lapse length as an option, or none at all', () => {
      expect(kinds(history(), { lapseMonths: 12 })[2]).toBe('Seats@2021-03-01=new');
      expect(kinds(history(), { lapseMonths: Infinity }).slice(3, 5)).toEqual(['Support@2023-03-02=cross_sell', 'Seats@2023-03-02=existing']);
      expect(() => classifyCustomerLines(history(), { lapseMonths: 0 })).toThrow(RangeError);
    });

    it('measures the lapse in calendar months (month end)', () => {
      const lines = [
        line({ date: '2022-02-28', product: 'Seats' }),
        line({ date: '2024-02-29', product: 'Seats' }), // 24 months after Feb 28 is Feb 28: a day over
      ];
      expect(kinds(lines)[1]).toBe('Seats@2024-02-29=new');
      const atEnd = [line({ date: '2022-01-31', product: 'Seats' }), line({ date: '2024-01-31', product: 'Seats' })];
      expect(kinds(atEnd)[1]).toBe('Seats@2024-01-31=existing');
    });
  });

  it('keeps given kinds and counts them as history', () => {
    const lines = [
      line({ date: '2022-01-10', product: 'Seats', kind: 'existing' }),
      line({ date: '2022-02-10', product: 'Seats' }),
      line({ date: '2022-03-10', product: 'Support', kind: 'new' }),
      line({ date: '2022-04-10', product: 'Support', amount: -5_00 }),
    ];
    const out = classifyCustomerLines(lines);
    expect(out.map((l) => [l.kind, l.kindDerived])).toEqual([
      ['existing', false],
      ['existing', true],
      ['new', false],
      ['new', true], // the refund refers to the purchase marked new
    ]);
  });

  it('ignores tombstoned lines', () => {
    const lines = [
      line({ date: '2022-01-01', product: 'Seats', deleted: true }),
      line({ date: '2022-02-01', product: 'Support' }),
      line({ date: '2022-03-01', product: 'Seats' }),
    ];
    expect(kinds(lines)).toEqual(['Support@2022-02-01=new', 'Seats@2022-03-01=cross_sell']);
    expect(classifyLines(lines)).toHaveLength(2);
  });

  it('classifies many customers independently, keeping input order', () => {
    const lines = [
      line({ customerId: 'b', date: '2022-05-01', product: 'Seats' }),
      line({ customerId: 'a', date: '2022-05-01', product: 'Seats' }),
      line({ customerId: 'a', date: '2022-01-01', product: 'Seats' }),
      line({ customerId: 'b', date: '2022-06-01', product: 'Seats' }),
    ];
    const out = classifyLines(lines);
    expect(out.map((l) => l.id)).toEqual(lines.map((l) => l.id));
    expect(out.map((l) => `${l.customerId}:${l.kind}`)).toEqual(['b:new', 'a:existing', 'a:new', 'b:existing']);
  });

  it('derives bare kinds aligned with the input, undefined for tombstones', () => {
    const lines = [
      line({ customerId: 'a', date: '2022-05-01', product: 'Seats' }),
      line({ customerId: 'a', date: '2022-01-01', product: 'Seats', deleted: true }),
      line({ customerId: 'a', date: '2022-06-01', product: 'Support', kind: 'existing' }),
    ];
    expect(deriveKinds(lines)).toEqual(['new', undefined, 'existing']);
  });

  it('does not mutate its input', () => {
    const lines = [line({ date: '2022-01-10', product: 'Seats' })];
    const copy = structuredClone(lines);
    classifyLines(lines);
    expect(lines).toEqual(copy);
  });

  it('agrees with a per-customer classification on a generated book', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const lines: RevenueLine[] = [];
    for (let i = 0; i < 3000; i++) {
      const month = 1 + Math.floor(rand() * 12);
      lines.push(
        line({
          customerId: `c${Math.floor(rand() * 50)}`,
          date: `${2015 + Math.floor(rand() * 10)}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`,
          product: `P${Math.floor(rand() * 6)}`,
          amount: rand() < 0.1 ? -100 : 1000,
        }),
      );
    }
    const all = new Map(classifyLines(lines).map((l) => [l.id, l.kind]));
    for (let c = 0; c < 50; c++) {
      for (const l of classifyCustomerLines(lines.filter((x) => x.customerId === `c${c}`))) {
        expect(all.get(l.id)).toBe(l.kind);
      }
    }
  });
});
