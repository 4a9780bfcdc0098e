/**
 * The one protocol between contexts. Each message names its request and response schema;
 * the receiver parses the request and the sender parses the response, so nothing crosses a
 * context unchecked. zod/mini keeps this importable from the content script.
 */
import * as z from 'zod/mini';
import { Id, IsoDate, IsoDateTime } from '../model/common';
import { ProblemStatus, Severity, Style } from '../model/enums';
import { PageSubject } from '../model/page-subject';

export const CustomerSummary = z.object({
  id: Id,
  name: z.string(),
  domains: z.array(z.string()),
  customerSince: z.optional(IsoDate),
  renewalDate: z.optional(IsoDate),
  lastContactAt: z.optional(IsoDateTime),
  /** How the page was tied to this customer, strongest first. */
  matchedBy: z.enum(['crm', 'domain', 'contact', 'name']),
});
export type CustomerSummary = z.infer<typeof CustomerSummary>;

export const ProblemSummary = z.object({
  id: Id,
  title: z.string(),
  status: ProblemStatus,
  severity: Severity,
  ownerName: z.string(),
  mine: z.boolean(),
  receivedAt: IsoDateTime,
  dueAt: z.optional(IsoDateTime),
});
export type ProblemSummary = z.infer<typeof ProblemSummary>;

export const PartnerSummary = z.object({ id: Id, name: z.string(), style: z.optional(Style) });

/** Everything the dock shows about the subject on screen. */
export const SubjectInfo = z.object({
  customer: z.nullable(CustomerSummary),
  openProblems: z.array(ProblemSummary),
  partners: z.array(PartnerSummary),
});
export type SubjectInfo = z.infer<typeof SubjectInfo>;

export const NoData = z.optional(z.null());

export const protocol = {
  /** content → background: what do we know about this subject? */
  lookupSubject: { request: PageSubject, response: SubjectInfo },
  /** content → background: the user asked to add the page's customer. */
  addCustomerFromSubject: { request: PageSubject, response: SubjectInfo },
  /** extension page → content script of a tab: what is this page about? */
  getPageSubject: { request: NoData, response: z.nullable(PageSubject) },
  /** background → content scripts: local data changed, look again. */
  dataChanged: { request: NoData, response: NoData },
} as const;

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type RequestOf<K extends MessageType> = z.infer<Protocol[K]['request']>;
export type ResponseOf<K extends MessageType> = z.infer<Protocol[K]['response']>;
