/**
 * The right client for a connection (or a connect request): the one place that knows which
 * product reads with which credentials. Salesforce reads the org's session cookie afresh for
 * every request (lib/crm/session.ts) — nothing to store; Dynamics sends the browser's own
 * signed-in session; HubSpot and Pipedrive use the token the user pasted.
 */
import { CrmError } from './errors';
import { dynamicsClient } from './dynamics';
import type { ClientDeps } from './http';
import { hubspotClient } from './hubspot';
import { pipedriveClient } from './pipedrive';
import { salesforceClient } from './salesforce';
import type { CrmClient, CrmProduct } from './types';

export interface ClientTarget {
  product: CrmProduct;
  apiHost: string;
  /** HubSpot, Pipedrive. */
  token?: string;
}

export interface MakeClientDeps extends ClientDeps {
  /** The Salesforce session of a host, read when a request needs it (never stored). */
  salesforceSession: (apiHost: string) => Promise<string | undefined>;
}

export function makeClient(t: ClientTarget, deps: MakeClientDeps): CrmClient {
  const { salesforceSession, ...base } = deps;
  switch (t.product) {
    case 'salesforce':
      return salesforceClient({ ...base, apiHost: t.apiHost, session: () => salesforceSession(t.apiHost) });
    case 'dynamics':
      return dynamicsClient({ ...base, apiHost: t.apiHost });
    case 'hubspot':
      if (!t.token) throw new CrmError('bad_token', 'no HubSpot access token');
      return hubspotClient({ ...base, token: t.token });
    case 'pipedrive':
      if (!t.token) throw new CrmError('bad_token', 'no Pipedrive API token');
      return pipedriveClient({ ...base, apiHost: t.apiHost, token: t.token });
  }
}
