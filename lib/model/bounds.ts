/**
 * The most any one record may hold (issue 14, finding 1). Without them one rep could write a
 * record so large that no pull page carrying it fits in memory, and every device behind it
 * would stop syncing. Generous for real use, small enough that a page of records stays
 * bounded: the server enforces them through the same schemas (lib/sync/protocol.ts), and a
 * record over them is refused alone, with its reason.
 */

/** Text lengths, in UTF-16 code units (what String.length counts). */
export const MAX_ID = 64;
export const MAX_SHORT_TEXT = 200;
export const MAX_LONG_TEXT = 20_000;

/** List lengths. */
export const MAX_PROBLEM_EVENTS = 500;
/** Covering reps of one problem, members of one pod: a team's worth, not a company's. */
export const MAX_REPS_IN_LIST = 100;
export const MAX_DOMAINS = 50;
export const MAX_CRM_REFS = 50;
export const MAX_EMAILS = 50;
/** A coach's employers, referrals and gifts. */
export const MAX_COACH_ENTRIES = 500;
/** Coaches tied to one customer. */
export const MAX_COACHES_PER_CUSTOMER = 500;

/** One record's JSON, in UTF-8 bytes: a quarter of a pull page (lib/sync/protocol.ts). */
export const MAX_RECORD_BYTES = 256 * 1024;
