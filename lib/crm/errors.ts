/**
 * What can go wrong reading a CRM, as codes the UI words (crm_err_* in the catalogue) — never a
 * stack trace in front of a rep. `detail` is the API's own words (its errorCode, message), kept
 * for the status line's "details", and never carries a credential.
 */
export const CRM_ERROR_CODES = [
  /** The browser session ended (Salesforce, Dynamics): open the CRM and sign in again. */
  'signed_out',
  /** A pasted token (HubSpot, Pipedrive) is wrong, revoked or expired. */
  'bad_token',
  /** The user's CRM profile or edition has no API access (Salesforce API_DISABLED_FOR_ORG, "API Enabled" off). */
  'no_api_access',
  /** The token lacks a scope it needs (HubSpot MISSING_SCOPES); `detail` names them. */
  'missing_scope',
  /** The API's limit was reached and did not clear within our retries (REQUEST_LIMIT_EXCEEDED, 429). */
  'rate_limited',
  /** The browser has not granted what reading needs (the cookies permission, the API host). */
  'no_permission',
  /** The CRM could not be reached. */
  'offline',
  /** The CRM answered 5xx. */
  'server',
  /** The CRM answered something we do not understand (a proxy's sign-in page, a changed API). */
  'bad_response',
  /** The user cancelled. */
  'cancelled',
] as const;
export type CrmErrorCode = (typeof CRM_ERROR_CODES)[number];

export class CrmError extends Error {
  override readonly name = 'CrmError';
  constructor(
    readonly code: CrmErrorCode,
    /** The API's own words, for "details" (never a token or session id). */
    readonly detail: string,
    /** Rate limits: how long the API asked us to wait, in ms. */
    readonly retryAfterMs?: number,
    readonly status?: number,
  ) {
    super(`${code}: ${detail}`);
  }
}

export const isCrmError = (e: unknown): e is CrmError => e instanceof CrmError;
