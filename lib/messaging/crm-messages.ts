/**
 * Connect the CRM (issue 16): options → background, which alone holds the tokens and reads
 * the browser's CRM sessions. Apart from protocol.ts so these schemas stay out of the content
 * scripts' 20 KB (as sync-messages.ts). Every handler refuses senders other than the
 * extension's own pages.
 */
import * as z from 'zod/mini';
import { CRM_ERROR_CODES } from '../crm/errors';
import { CrmProductSchema, CrmShare, CrmStatus } from '../crm/state';
import { message, NoData } from './protocol';

export const CrmConnectRequest = z.object({
  product: CrmProductSchema,
  /**
   * Salesforce, Dynamics, Pipedrive: the CRM's address as the user knows it (any page of it:
   * https://acme.lightning.force.com/…, https://acme.crm4.dynamics.com, acme.pipedrive.com).
   * HubSpot: unused (api.hubapi.com).
   */
  address: z.optional(z.string().check(z.maxLength(2000))),
  /** HubSpot private app token, Pipedrive API token. */
  token: z.optional(z.string().check(z.minLength(1), z.maxLength(4000))),
  share: CrmShare,
});
export type CrmConnectRequest = z.infer<typeof CrmConnectRequest>;

export const CrmConnectReply = z.union([
  z.object({ ok: z.literal(true), status: CrmStatus }),
  z.object({ ok: z.literal(false), code: z.enum(CRM_ERROR_CODES), detail: z.string() }),
]);
export type CrmConnectReply = z.infer<typeof CrmConnectReply>;

const ProductOnly = z.object({ product: CrmProductSchema });

/** Check the credentials (whoAmI), store the connection, start the first sync (it runs on; options watches). */
export const crmConnect = message('crmConnect', CrmConnectRequest, CrmConnectReply);
/** Forget the connection (and its token). What it brought in stays: it is the rep's book now. */
export const crmDisconnect = message('crmDisconnect', ProductOnly, z.object({ ok: z.boolean() }));
/** Sync now (an incremental read, or the first one again after a failure). */
export const crmSyncNow = message('crmSyncNow', ProductOnly, z.array(CrmStatus));
/** Stop the sync under way; what it wrote stays. */
export const crmCancel = message('crmCancel', ProductOnly, z.array(CrmStatus));
/** Every connection and where its sync stands. */
export const crmStatus = message('crmStatus', NoData, z.array(CrmStatus));
