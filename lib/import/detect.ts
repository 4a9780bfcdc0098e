import { SIGNATURES, aliasesOf, normHeader } from './columns';
import { CNY_SOURCES, SOURCES, fieldsOf, type ImportKind, type Mapping, type SourceId } from './types';

export interface Detection {
  source: SourceId;
  kind: ImportKind;
  /** How many target fields the proposal found a column for. */
  matched: number;
}

/**
 * Propose a column for each target field: the first alias (in the dictionary's order of
 * preference) present among the headers. A column serves at most one field, so "Name" is
 * not both the deal title and the account name.
 */
export function proposeMapping(headers: string[], source: SourceId, kind: ImportKind): Mapping {
  const norm = headers.map(normHeader);
  const used = new Set<number>();
  const mapping: Mapping = {};
  for (const field of fieldsOf(kind)) {
    for (const alias of aliasesOf(source, kind, field)) {
      const at = norm.findIndex((h, i) => h === alias && !used.has(i));
      if (at >= 0) {
        mapping[field] = at;
        used.add(at);
        break;
      }
    }
  }
  return mapping;
}

/** Fields that tell a deals file from an accounts file (an accounts file has none of them). */
const DEAL_EVIDENCE = ['amount', 'stage', 'date'] as const;

/**
 * Which CRM wrote this file and whether it holds accounts or deals. A signature header picks
 * the CRM; then whichever kind maps more fields wins, deals only when money or a stage is
 * there. Files nobody signs are `generic`.
 */
export function detectSource(headers: string[]): Detection {
  const norm = headers.map(normHeader);
  const signed = SOURCES.filter((s) => s !== 'generic' && norm.some((h) => SIGNATURES[s as Exclude<SourceId, 'generic'>].test(h)));
  const candidates: SourceId[] = signed.length ? signed : ['generic'];
  let best: Detection = { source: candidates[0]!, kind: 'accounts', matched: -1 };
  for (const source of candidates) {
    for (const kind of ['accounts', 'deals'] as const) {
      const mapping = proposeMapping(headers, source, kind);
      if (kind === 'deals' && !DEAL_EVIDENCE.some((f) => mapping[f] !== undefined && f !== 'date')) continue;
      const matched = Object.keys(mapping).length;
      if (matched > best.matched) best = { source, kind, matched };
    }
  }
  return { ...best, matched: Math.max(0, best.matched) };
}

/** Fields without which a row cannot be stored; the import button waits for them. */
export function missingRequired(kind: ImportKind, mapping: Mapping, defaultCurrency: string): string[] {
  const missing: string[] = [];
  if (kind === 'accounts') {
    if (mapping.name === undefined) missing.push('name');
    return missing;
  }
  if (mapping.amount === undefined) missing.push('amount');
  if (mapping.date === undefined) missing.push('date');
  if (mapping.accountId === undefined && mapping.accountName === undefined && mapping.accountDomain === undefined) {
    missing.push('accountName');
  }
  if (mapping.currency === undefined && !defaultCurrency) missing.push('currency');
  return missing;
}

/**
 * The currency to propose for rows that name none: yuan for a Chinese CRM's export or a sheet
 * whose amount column is headed in Chinese (金额, 合同金额（万元）); otherwise none, so the user
 * is asked rather than guessed for.
 */
export function proposedCurrency(headers: string[], source: SourceId, mapping: Mapping): string {
  if (CNY_SOURCES.includes(source)) return 'CNY';
  const amount = mapping.lineAmount ?? mapping.amount;
  return amount !== undefined && /[\u4e00-\u9fff]/.test(headers[amount] ?? '') ? 'CNY' : '';
}
