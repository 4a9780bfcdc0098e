import { describe, expect, it } from 'vitest';
import { parseScore, parseTraitCsv, planRepUpserts, validateTraitFields } from '../../../lib/pods/trait-import';
import { rep } from './fixtures';

const fields = (over: Partial<Record<string, string>> = {}) => ({
  name: 'Li Wei', email: 'li@acme.com', goal: '80', skepticism: '20', detail: '35', relationship: '70', ...over,
});

describe('parseScore', () => {
  it('accepts whole numbers 0–100 and spreadsheet decimals', () => {
    expect(parseScore('0')).toBe(0);
    expect(parseScore(' 100 ')).toBe(100);
    expect(parseScore('72.0')).toBe(72);
    expect(parseScore('72.6')).toBe(73);
  });

  it('rejects everything else', () => {
    for (const bad of ['', '-5', '101', '72%', 'seventy', '1e2', '1,5', '100.6']) {
      expect(parseScore(bad), bad).toBeUndefined();
    }
  });
});

describe('validateTraitFields', () => {
  it('returns a row with traits, a trimmed name and a lower-cased email', () => {
    const result = validateTraitFields(fields({ name: '  Li Wei ', email: 'Li@Acme.com' }));
    expect(result).toEqual({
      ok: true,
      row: { name: 'Li Wei', email: 'li@acme.com', traits: { goalOrientation: 80, skepticism: 20, detailAttention: 35, relationship: 70 } },
    });
  });

  it('allows a blank email', () => {
    const result = validateTraitFields(fields({ email: ' ' }));
    expect(result.ok && result.row.email).toBe(undefined);
  });

  it('reports every problem at once', () => {
    const result = validateTraitFields(fields({ name: '', email: 'not-mail', goal: 'x', detail: '' }));
    expect(result).toEqual({
      ok: false,
      problems: [
        { code: 'nameMissing' },
        { code: 'emailInvalid', value: 'not-mail' },
        { code: 'scoreInvalid', column: 'goal', value: 'x' },
        { code: 'scoreMissing', column: 'detail' },
      ],
    });
  });

  it('rejects an over-long name', () => {
    expect(validateTraitFields(fields({ name: 'x'.repeat(201) }))).toEqual({ ok: false, problems: [{ code: 'nameTooLong' }] });
  });
});

describe('parseTraitCsv', () => {
  it('keeps good rows and reports bad rows with their line and reasons', () => {
    const csv = [
      'name,email,goal,skepticism,detail,relationship',
      'Li Wei,li@acme.com,80,20,35,70',
      'Chen,chen@acme,40,90,150,30',
      '"Zhang, San",,60,60,60,',
      'Wang,wang@acme.com,10,20,30,40',
    ].join('\n');
    const result = parseTraitCsv(csv);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows.map((r) => r.name)).toEqual(['Li Wei', 'Wang']);
    expect(result.errors).toEqual([
      { line: 3, problems: [{ code: 'emailInvalid', value: 'chen@acme' }, { code: 'scoreInvalid', column: 'detail', value: '150' }] },
      { line: 4, problems: [{ code: 'scoreMissing', column: 'relationship' }] },
    ]);
  });

  it('reads headers in any order, case and spelling, and ignores extra columns', () => {
    const csv = 'Relationship;Detail Attention;team;Goal_Orientation;Scepticism;E-mail;Name\n70;35;north;80;20;li@acme.com;Li\n';
    const result = parseTraitCsv(csv);
    expect(result).toEqual({
      ok: true,
      errors: [],
      rows: [{ name: 'Li', email: 'li@acme.com', traits: { goalOrientation: 80, skepticism: 20, detailAttention: 35, relationship: 70 } }],
    });
  });

  it('assumes the documented order when there is no header', () => {
    const result = parseTraitCsv('Li,,80,20,35,70');
    expect(result.ok && result.rows[0]?.traits.relationship).toBe(70);
  });

  it('names the columns a header lacks, and says when there is nothing', () => {
    expect(parseTraitCsv('name,email,goal\nLi,,1')).toEqual({ ok: false, reason: 'columns', missing: ['skepticism', 'detail', 'relationship'] });
    expect(parseTraitCsv(' \n\n')).toEqual({ ok: false, reason: 'empty' });
  });

  it('reports a second row for the same person instead of overriding the first', () => {
    const result = parseTraitCsv('name,email,goal,skepticism,detail,relationship\nLi,li@a.com,1,2,3,4\nLi W,LI@a.com,5,6,7,8\n');
    expect(result.ok && result.errors).toEqual([{ line: 3, problems: [{ code: 'duplicate', firstLine: 2 }] }]);
  });
});

describe('planRepUpserts', () => {
  const now = '2026-02-01T10:00:00.000Z';
  let n = 0;
  const makeId = () => `new${++n}`;
  const traits = { goalOrientation: 80, skepticism: 20, detailAttention: 35, relationship: 70 };

  it('updates by email, then by name, else creates; style follows the traits', () => {
    const existing = [
      { ...rep('a'), name: 'Li', email: 'li@acme.com' },
      { ...rep('b'), name: 'Chen Jie' },
      { ...rep('c'), name: 'Gone', deleted: true },
    ];
    const plan = planRepUpserts(
      existing,
      [
        { name: 'Li Wei', email: 'LI@acme.com', traits },
        { name: 'chen jie', traits },
        { name: 'Gone', traits },
      ],
      now,
      makeId,
    );
    expect(plan.created).toBe(1);
    expect(plan.updated).toBe(2);
    const byId = new Map(plan.reps.map((r) => [r.id, r]));
    expect(byId.get('a')).toMatchObject({ name: 'Li Wei', email: 'li@acme.com', traits, style: 'expressive', updatedAt: now });
    expect(byId.get('b')).toMatchObject({ name: 'chen jie', traits });
    // A tombstoned rep is not revived by a matching name: a new rep is created.
    expect(plan.reps.find((r) => r.name === 'Gone')?.id).toMatch(/^new/);
  });

  it('keeps an existing email when the row has none', () => {
    const plan = planRepUpserts([{ ...rep('a'), name: 'Li', email: 'li@acme.com' }], [{ name: 'Li', traits }], now, makeId);
    expect(plan.reps[0]?.email).toBe('li@acme.com');
  });
});
