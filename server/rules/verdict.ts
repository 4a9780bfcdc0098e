/** What a domain rule answers about one mutation. */
import type { RefusalCode } from '../../lib/sync/protocol';

export type Verdict = { ok: true } | { ok: false; code: RefusalCode; reason: string };

export const ALLOW: Verdict = { ok: true };

export function refuse(code: RefusalCode, reason: string): Verdict {
  return { ok: false, code, reason };
}

/** Who is writing: the token's rep. Leads may do more (pods, others' profiles, transfers). */
export interface Actor {
  repId: string;
  lead: boolean;
}

/** The server's row for a record, as the rules need it. */
export interface StoredRecord {
  /** The record, or null when it was deleted. */
  data: Record<string, unknown> | null;
  /** For notes: the note's author (kept after deletion). Otherwise the last writer. */
  authorRepId: string | null;
  private: boolean;
  /** Was ever visible to the whole team (see records.shared). */
  shared: boolean;
}
