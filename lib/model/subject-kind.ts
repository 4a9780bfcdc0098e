import type { PageSubject } from './page-subject';

const MAIL = new Set(['gmail', 'outlook', 'exmail', 'qqmail', 'netease', 'alimail']);
/** Mail and unknown sites show messages, not customer records: their ids say nothing about a customer. */
const NOT_CRM = new Set([...MAIL, 'generic']);

/**
 * A mail page (a webmail product, or any page the adapter read messages or a thread subject
 * from): its "name" is a person writing, not the company the thread is about.
 */
export function isMailPage(s: PageSubject): boolean {
  return MAIL.has(s.site) || !!(s.messages?.length || s.topic);
}

/** Is this page a CRM record whose id can identify the customer next time? */
export function isCrmRecord(s: PageSubject): s is PageSubject & { objectType: string; recordId: string } {
  return !!s.objectType && !!s.recordId && !NOT_CRM.has(s.site);
}

/** A list page (an inbox, a list view): never offered as one customer. */
export function isListPage(s: PageSubject): boolean {
  return s.objectType === 'list';
}

/**
 * Records about the CRM itself, not about a customer: its users (Salesforce User, Dynamics
 * systemuser), reports, dashboards and settings. Their names are colleagues and report titles.
 */
const NOT_CUSTOMER = /^(?:users?|systemusers?|teams?|roles?|profiles?|reports?|dashboards?|settings?|setup)$/i;

/**
 * May the dock offer this page as a customer (add it, fill one in, pick one for it)? Not a
 * list, not a CRM user/report/dashboard/settings page (issue 15, point 3).
 */
export function isCustomerLike(s: PageSubject): boolean {
  return !isListPage(s) && !(s.objectType && NOT_CUSTOMER.test(s.objectType));
}
