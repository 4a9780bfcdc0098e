/**
 * The Salesforce session for the background's API reads: the `sid` cookie of the org's My
 * Domain host (the Lightning host's is not API-enabled), as Salesforce Inspector reads it.
 * Read when a request needs it and handed straight to the client, which sends it only as the
 * bearer token to that same host: never stored, logged, synced, or put in an error.
 * Needs the optional `cookies` permission (asked at connect time) and the host's permission.
 */
import { browser } from 'wxt/browser';
import { CrmError } from './errors';

export async function salesforceSession(apiHost: string): Promise<string | undefined> {
  // Without the permission the API is absent (Chrome) or refuses (Firefox).
  const cookies = (browser as { cookies?: typeof browser.cookies }).cookies;
  if (!cookies?.get) throw new CrmError('no_permission', 'the cookies permission is not granted');
  let cookie: { value: string } | null | undefined;
  try {
    cookie = await cookies.get({ url: `https://${apiHost}`, name: 'sid' });
  } catch {
    // The message may name the host, never the value; say only what is missing.
    throw new CrmError('no_permission', `cannot read the session cookie of ${apiHost}`);
  }
  return cookie?.value || undefined;
}
