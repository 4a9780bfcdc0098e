import type { PageSubject } from './page-subject';

/** Mail and unknown sites show messages, not customer records: their ids say nothing about a customer. */
const NOT_CRM = new Set(['gmail', 'outlook', 'generic']);

/** Is this page a CRM record whose id can identify the customer next time? */
export function isCrmRecord(s: PageSubject): s is PageSubject & { objectType: string; recordId: string } {
  return !!s.objectType && !!s.recordId && !NOT_CRM.has(s.site);
}

/** A list page (an inbox, a list view): never offered as one customer. */
export function isListPage(s: PageSubject): boolean {
  return s.objectType === 'list';
}
