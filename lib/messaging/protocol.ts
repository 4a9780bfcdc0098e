/**
 * The one protocol between contexts. Each message names its request and response schema;
 * the receiver parses the request and the sender parses the response, so nothing crosses a
 * context unchecked. zod/mini keeps this importable from the content script.
 */
import * as z from 'zod/mini';
import { Id, IsoDate, IsoDateTime } from '../model/common';
import { Channel, ProblemStatus, Severity, Style } from '../model/enums';
import { PageSubject } from '../model/page-subject';
import { TeachRule } from '../model/teach';
import { CatalogueSchema, Language } from '../prefs/display';
import { CustomerEdit, CustomerEditReply, RepChoice, TenureSummary } from './tenure-schema';

export const CustomerSummary = z.object({
  id: Id,
  name: z.string(),
  domains: z.array(z.string()),
  customerSince: z.optional(IsoDate),
  renewalDate: z.optional(IsoDate),
  lastContactAt: z.optional(IsoDateTime),
  /** The owning rep, and their name as Holdfast knows it. */
  ownerRepId: z.optional(Id),
  ownerName: z.optional(z.string()),
  /** How the page was tied to this customer, strongest first. */
  matchedBy: z.enum(['crm', 'domain', 'contact', 'name', 'picked']),
  /** The customer's contact most recently updated in Holdfast: who "confirmed on this call" defaults to. */
  contactName: z.optional(z.string()),
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
  /** Times the customer said "not solved" after a resolution. */
  reopenCount: z.optional(z.int()),
  /** I help with it (cover) while someone else owns it. */
  iCover: z.optional(z.boolean()),
  /** The latest ownership transfer's reason: a hand-off stays visible. */
  transferNote: z.optional(z.string()),
});
export type ProblemSummary = z.infer<typeof ProblemSummary>;

/**
 * A pod partner. Loose: the background adds both reps' traits, which only the dock's panels
 * read (they explain the pair, components/dock/PodPanel.tsx, and parse that part themselves),
 * so the content script's budget does not carry the trait schema.
 */
export const PartnerSummary = z.looseObject({ id: Id, name: z.string(), style: z.optional(Style) });

// Sales coaches (issue 7): the dock's coach part, loose like tenure-schema.ts (the content
// script parses it). Actions are at the end of the file.

/** A coach tied to the page's customer or writing on the page: the dock's coach badge. */
export const CoachBadge = z.object({
  coachId: Id,
  name: z.string(),
  /** 'introduced' (referred this customer), 'works' (works there), 'writes' (a sender on this page). */
  why: z.string(),
  /** Whole days since the rep last touched the coach; -1: never. */
  days: z.number(),
  /** This period's gifts against the budget, minor units of `currency`. */
  budget: z.optional(z.object({ period: z.string(), currency: z.string(), amount: z.number(), spent: z.number() })),
  /** This period's gifts in other currencies (never added to the budget's). */
  other: z.optional(z.array(z.object({ currency: z.string(), amount: z.number() }))),
});
export type CoachBadge = z.infer<typeof CoachBadge>;

/** A known coach writes from another company's domain: the move the dock offers to record. */
export const CoachMoveNotice = z.object({
  coachId: Id,
  name: z.string(),
  /** The address the coach writes from. */
  from: z.string(),
  domain: z.string(),
  /** A move back to a former employer. */
  back: z.boolean(),
  /** The customer already known by that domain; absent: recording creates a prospect. */
  customerName: z.optional(z.string()),
  /**
   * The address is not one the coach is known by: only the display name and mailbox name
   * match (anyone can write as "Wang Fang" <wang.fang@elsewhere>). The rep must confirm it is
   * the same person before the move is recorded (issue 14, finding 8).
   */
  unverified: z.optional(z.literal(true)),
});
export type CoachMoveNotice = z.infer<typeof CoachMoveNotice>;

export const CoachInfo = z.object({
  coaches: z.array(CoachBadge),
  moves: z.array(CoachMoveNotice),
  /** Someone on the page who is not a coach yet ("Make this contact a coach"). */
  candidate: z.optional(z.object({ email: z.string(), name: z.optional(z.string()) })),
});
export type CoachInfo = z.infer<typeof CoachInfo>;

/** Everything the dock shows about the subject on screen. */
export const SubjectInfo = z.object({
  customer: z.nullable(CustomerSummary),
  openProblems: z.array(ProblemSummary),
  partners: z.array(PartnerSummary),
  /** The tenure panel's figures (lib/db/tenure-query.ts); absent when no customer matched. */
  tenure: z.optional(TenureSummary),
  /** Which colleague to bring in for this customer, and why (lib/pods/for-customer.ts). */
  suggestion: z.optional(
    z.object({
      repName: z.string(),
      inPod: z.boolean(),
      task: z.enum(['maintain', 'vet', 'close', 'contract']),
      reason: z.enum(['ageing_problem', 'renewal_near', 'long_tenure_quiet']),
      /** Days the reason counts (problem age, days to renewal, days without contact; -1: never). */
      days: z.int(),
    }),
  ),
  /**
   * Sales coaches for this page: badges, a move to record, someone to make a coach — a
   * CoachInfo (lib/db/coach-info.ts). Only its list of moves is checked here (the collapsed
   * tab shows a dot for them); the dock's panels, which show the rest, parse it whole with
   * CoachInfo (components/dock/CoachPanel.tsx): the full schema would cost every content
   * script ~0.2 KB gzip of its 20 KB.
   */
  coach: z.optional(z.looseObject({ moves: z.array(z.unknown()) })),
});
export type SubjectInfo = z.infer<typeof SubjectInfo>;

export const NoData = z.optional(z.null());

/** One message: its name on the wire, what it carries, what it answers. */
export interface MessageDef<Req extends z.ZodMiniType = z.ZodMiniType, Res extends z.ZodMiniType = z.ZodMiniType> {
  name: string;
  request: Req;
  response: Res;
}
export type RequestOf<D extends MessageDef> = z.infer<D['request']>;
export type ResponseOf<D extends MessageDef> = z.infer<D['response']>;

/**
 * Each message is its own export, so a context bundles only the schemas of the messages it
 * uses (the content script's 20 KB budget); `@__NO_SIDE_EFFECTS__` lets the bundler drop the rest.
 */
/* @__NO_SIDE_EFFECTS__ */
export function message<Req extends z.ZodMiniType, Res extends z.ZodMiniType>(name: string, request: Req, response: Res): MessageDef<Req, Res> {
  return { name, request, response };
}

/** content → background: what do we know about this subject? */
export const lookupSubject = message('lookupSubject', PageSubject, SubjectInfo);
/** content → background: the user asked to add the page's customer. */
export const addCustomerFromSubject = message('addCustomerFromSubject', PageSubject, SubjectInfo);
/** content → background: the user picked the customer this page is about. */
export const pickCustomer = message('pickCustomer', z.object({ customerId: Id, subject: PageSubject }), SubjectInfo);
/** content → background: customers whose name starts with (or contains) the query. */
export const searchCustomers = message(
  'searchCustomers',
  z.object({ query: z.string().check(z.maxLength(100)) }),
  z.array(z.object({ id: Id, name: z.string() })),
);
/** content → background: the rules taught for this host. */
export const getTeachRules = message('getTeachRules', z.object({ host: z.string().check(z.maxLength(300)) }), z.array(TeachRule));
/** content → background: store a newly taught rule; answers with the host's rules. */
export const saveTeachRule = message('saveTeachRule', TeachRule, z.array(TeachRule));
/** extension page → content script of a tab: what is this page about? */
export const getPageSubject = message('getPageSubject', NoData, z.nullable(PageSubject));
/** content → background: inject the dock's panels into my isolated world (first open). */
export const loadPanels = message('loadPanels', NoData, NoData);
/** content → background: the catalogue of the language chosen in Options (content scripts cannot read extension files). */
export const getCatalogue = message('getCatalogue', z.object({ lang: Language }), CatalogueSchema);
/** background → content scripts: local data changed, look again. */
export const dataChanged = message('dataChanged', NoData, NoData);


// Issue owner (issue 5) ------------------------------------------------------------------------

/**
 * What the dock may ask to do to a problem: lib/owners' actions as the dock offers them (the
 * confirmation's time is the background's clock; `coverMe` adds the asking rep as cover).
 * Edits and transfers are not offered in the dock.
 */
export const OwnerAction = z.union([
  z.object({ type: z.enum(['start', 'waitOnCustomer', 'resumeWork', 'markResolved', 'coverMe']) }),
  z.object({ type: z.literal('addUpdate'), text: z.string().check(z.maxLength(20_000)) }),
  z.object({
    type: z.literal('recordConfirmation'),
    by: z.string().check(z.maxLength(200)),
    how: Channel,
    satisfied: z.boolean(),
    comment: z.optional(z.string().check(z.maxLength(20_000))),
  }),
  /** "Customer confirmed on this call": whatever steps remain and the satisfied confirmation by phone. */
  z.object({ type: z.literal('confirmOnCall'), by: z.string().check(z.maxLength(200)) }),
]);
export type OwnerAction = z.infer<typeof OwnerAction>;

/**
 * Done, or refused with lib/owners' refusal code, plain-English reason and the specifics the
 * UI words in the user's language (a RefusalDetail, re-read field by field where it is shown).
 */
export const OwnerActionReply = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), code: z.string(), reason: z.string(), detail: z.optional(z.looseObject({})) }),
]);
export type OwnerActionReply = z.infer<typeof OwnerActionReply>;

/** content → background: act on one of the page customer's problems. */
export const ownerAct = message('ownerAct', z.object({ problemId: Id, action: OwnerAction }), OwnerActionReply);
/** content → background: open the quick-log popup for the page's customer. */
export const openQuickLog = message('openQuickLog', NoData, NoData);


// Sales coaches (issue 7) ----------------------------------------------------------------------

/** What the dock may ask about coaches; the background re-checks each against the page. */
export const CoachAction = z.union([
  z.object({ type: z.literal('make'), email: z.string() }),
  /** samePerson: the rep confirmed that an address the coach is not known by is theirs (CoachMoveNotice.unverified). */
  z.object({ type: z.enum(['move', 'notMove']), coachId: Id, from: z.string(), samePerson: z.optional(z.literal(true)) }),
  z.object({ type: z.literal('touch'), coachId: Id }),
]);
export type CoachAction = z.infer<typeof CoachAction>;

/** content → background: act on a coach from the page (answers like ownerAct). */
export const coachAct = message('coachAct', z.object({ subject: PageSubject, action: CoachAction }), OwnerActionReply);


// Customer tenure (issue 4): manual entry, editing and capture from the page ------------------

/** panels → background: change a known customer's name, domains, dates or owner. */
export const editCustomer = message('editCustomer', z.object({ customerId: Id, edit: CustomerEdit }), CustomerEditReply);
/** panels → background: a customer the rep filled in on a page Holdfast did not know; tied to the page's CRM record. */
export const createCustomer = message('createCustomer', z.object({ subject: PageSubject, edit: CustomerEdit }), CustomerEditReply);
/** panels → background: the colleagues a customer's owner can be chosen from. */
export const listReps = message('listReps', NoData, z.array(RepChoice));
/**
 * panels → background: the rep's correction of one revenue line's kind (null: back to what
 * the CRM or the history says). Stored on the line, so it survives re-imports and syncs.
 */
export const correctLineKind = message(
  'correctLineKind',
  z.object({ lineId: Id, kind: z.nullable(z.enum(['existing', 'cross_sell', 'new'])) }),
  z.object({ ok: z.boolean() }),
);


// Mail threads resolve to the company (issue 15, point 3) -------------------------------------

/**
 * What the dock offers on a mail page whose sender is not known: the customer the mail most
 * likely comes from (a look-alike domain, its name in the subject or signature), else a new
 * company from the sender's domain; and the person, as a contact (and coach) of it.
 */
export const MailCompany = z.object({
  /** The sender's company domain; absent for public mail (gmail.com, qq.com, …). */
  domain: z.optional(z.string()),
  match: z.optional(z.object({ id: Id, name: z.string(), why: z.enum(['domain', 'name']) })),
  /** A new company's name as the mail spells it ("Acme Corp"); absent: the domain names it. */
  companyName: z.optional(z.string()),
  person: z.optional(z.object({ email: z.string(), name: z.optional(z.string()) })),
});
export type MailCompany = z.infer<typeof MailCompany>;

/** panels → background: which company is this mail page's sender from? */
export const suggestMailCompany = message('suggestMailCompany', PageSubject, MailCompany);
/**
 * panels → background: tie the page to a company — an existing customer (`customerId`: the
 * sender's domain is added to it) or a new one from the domain — and the person as a contact,
 * optionally a coach. The background re-derives domain and person from the page.
 */
export const resolveMailCompany = message(
  'resolveMailCompany',
  z.object({ subject: PageSubject, customerId: z.optional(Id), contact: z.boolean(), coach: z.boolean() }),
  SubjectInfo,
);
