/**
 * Trait scores that a team lead enters by hand or imports from another assessment (CSV with
 * columns name, email, goal, skepticism, detail, relationship). One validator serves both,
 * so the form and the import reject the same things for the same reasons. Problems are
 * returned as codes, not sentences: the UI words them in the reader's language.
 */
import * as z from 'zod/mini';
import { Email } from '../model/common';
import type { Rep, Traits } from '../model';
import { parseCsv } from './csv';
import { styleFromTraits } from './style';
import type { TraitKey } from './traits';

/** The CSV columns, in the order assumed when a file has no header row. */
export const SCORE_COLUMNS = ['goal', 'skepticism', 'detail', 'relationship'] as const;
export type ScoreColumn = (typeof SCORE_COLUMNS)[number];
export const CSV_COLUMNS = ['name', 'email', ...SCORE_COLUMNS] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export const COLUMN_TRAIT: Readonly<Record<ScoreColumn, TraitKey>> = {
  goal: 'goalOrientation',
  skepticism: 'skepticism',
  detail: 'detailAttention',
  relationship: 'relationship',
};

/** Header spellings we accept, lower-cased with spaces, dashes and underscores removed. */
const HEADER_ALIASES: Readonly<Record<string, CsvColumn>> = {
  name: 'name', rep: 'name', fullname: 'name',
  email: 'email', mail: 'email', emailaddress: 'email',
  goal: 'goal', goalorientation: 'goal',
  skepticism: 'skepticism', scepticism: 'skepticism',
  detail: 'detail', detailattention: 'detail', attentiontodetail: 'detail',
  relationship: 'relationship', relationshiporientation: 'relationship',
};

export const NAME_MAX = 200;

/** What the user typed, as strings; email may be blank. */
export type TraitFields = Readonly<Record<CsvColumn, string>>;

export interface TraitRow {
  readonly name: string;
  readonly email?: string;
  readonly traits: Traits;
}

export type RowProblem =
  | { readonly code: 'nameMissing' }
  | { readonly code: 'nameTooLong' }
  | { readonly code: 'emailInvalid'; readonly value: string }
  | { readonly code: 'scoreMissing'; readonly column: ScoreColumn }
  | { readonly code: 'scoreInvalid'; readonly column: ScoreColumn; readonly value: string }
  | { readonly code: 'duplicate'; readonly firstLine: number };

export type Validated = { readonly ok: true; readonly row: TraitRow } | { readonly ok: false; readonly problems: RowProblem[] };

/**
 * Scores are whole numbers 0–100; "72.0" and " 72 " are accepted (spreadsheets write them),
 * other decimals are rounded, "72%" and "seventy" are not.
 */
export function parseScore(raw: string): number | undefined {
  const text = raw.trim();
  if (!/^\d{1,3}(\.\d+)?$/.test(text)) return undefined;
  const value = Math.round(Number(text));
  return value <= 100 ? value : undefined;
}

export function validateTraitFields(fields: TraitFields): Validated {
  const problems: RowProblem[] = [];
  const name = fields.name.trim();
  if (name === '') problems.push({ code: 'nameMissing' });
  else if (name.length > NAME_MAX) problems.push({ code: 'nameTooLong' });
  const email = fields.email.trim();
  if (email !== '' && !z.safeParse(Email, email).success) problems.push({ code: 'emailInvalid', value: email });
  const traits: Partial<Record<TraitKey, number>> = {};
  for (const column of SCORE_COLUMNS) {
    const raw = fields[column];
    if (raw.trim() === '') {
      problems.push({ code: 'scoreMissing', column });
      continue;
    }
    const value = parseScore(raw);
    if (value === undefined) problems.push({ code: 'scoreInvalid', column, value: raw.trim() });
    else traits[COLUMN_TRAIT[column]] = value;
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, row: { name, ...(email ? { email: email.toLowerCase() } : {}), traits: traits as Traits } };
}

export interface RowError {
  readonly line: number;
  readonly problems: readonly RowProblem[];
}

export type TraitCsvResult =
  | { readonly ok: true; readonly rows: TraitRow[]; readonly errors: RowError[] }
  | { readonly ok: false; readonly reason: 'empty' }
  | { readonly ok: false; readonly reason: 'columns'; readonly missing: CsvColumn[] };

function headerKey(cell: string): string {
  return cell.trim().toLowerCase().replace(/[\s_-]+/g, '');
}

/**
 * Good rows are kept and bad rows reported with their line and every reason, so one typo
 * does not throw away a whole sheet. A header row is recognised by a "name" cell and may
 * order the columns freely (extra columns are ignored); without one, CSV_COLUMNS order is
 * assumed. A second row for the same person (same email, or same name when no email) is
 * reported rather than silently overriding the first.
 */
export function parseTraitCsv(text: string): TraitCsvResult {
  const records = parseCsv(text);
  if (records.length === 0) return { ok: false, reason: 'empty' };

  const first = records[0]?.fields ?? [];
  const hasHeader = first.some((cell) => HEADER_ALIASES[headerKey(cell)] === 'name');
  const position = new Map<CsvColumn, number>();
  if (hasHeader) {
    first.forEach((cell, i) => {
      const column = HEADER_ALIASES[headerKey(cell)];
      if (column !== undefined && !position.has(column)) position.set(column, i);
    });
    const missing = CSV_COLUMNS.filter((column) => column !== 'email' && !position.has(column));
    if (missing.length > 0) return { ok: false, reason: 'columns', missing };
  } else {
    CSV_COLUMNS.forEach((column, i) => position.set(column, i));
  }

  const rows: TraitRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const record of hasHeader ? records.slice(1) : records) {
    const cell = (column: CsvColumn) => {
      const i = position.get(column);
      return i === undefined ? '' : (record.fields[i] ?? '');
    };
    const result = validateTraitFields({
      name: cell('name'), email: cell('email'), goal: cell('goal'),
      skepticism: cell('skepticism'), detail: cell('detail'), relationship: cell('relationship'),
    });
    if (!result.ok) {
      errors.push({ line: record.line, problems: result.problems });
      continue;
    }
    const key = personKey(result.row);
    const firstLine = seen.get(key);
    if (firstLine !== undefined) {
      errors.push({ line: record.line, problems: [{ code: 'duplicate', firstLine }] });
      continue;
    }
    seen.set(key, record.line);
    rows.push(result.row);
  }
  return { ok: true, rows, errors };
}

function personKey(row: { name: string; email?: string }): string {
  return row.email !== undefined ? `e:${row.email.toLowerCase()}` : `n:${row.name.trim().toLowerCase()}`;
}

/**
 * The reps to write for imported rows: a row updates the rep with the same email, else the
 * rep with the same name (case-insensitive), else it becomes a new rep. Matching keeps ids
 * stable, so re-importing a corrected sheet does not duplicate the team or break pods.
 * `makeId` and `now` are passed in so this stays pure.
 */
export function planRepUpserts(
  existing: readonly Rep[],
  rows: readonly TraitRow[],
  now: string,
  makeId: () => string,
): { reps: Rep[]; created: number; updated: number } {
  const live = existing.filter((rep) => rep.deleted !== true);
  const byEmail = new Map(live.flatMap((rep) => (rep.email ? [[rep.email.toLowerCase(), rep] as const] : [])));
  const byName = new Map(live.map((rep) => [rep.name.trim().toLowerCase(), rep] as const));
  const written = new Map<string, Rep>();
  let created = 0;
  for (const row of rows) {
    const match =
      (row.email !== undefined ? byEmail.get(row.email.toLowerCase()) : undefined) ??
      byName.get(row.name.trim().toLowerCase());
    const base = match ? (written.get(match.id) ?? match) : undefined;
    if (base === undefined) created++;
    const rep: Rep = {
      ...(base ?? { id: makeId() }),
      name: row.name,
      ...(row.email !== undefined ? { email: row.email.toLowerCase() } : base?.email ? { email: base.email } : {}),
      traits: row.traits,
      style: styleFromTraits(row.traits),
      updatedAt: now,
    };
    written.set(rep.id, rep);
  }
  return { reps: [...written.values()], created, updated: written.size - created };
}
