import { db, pickedInfo, subjectInfo } from '@/lib/db';
import { resolveMailCompany, suggestMailCompany } from '@/lib/db/mail-company';
import { afterAnswer } from '@/lib/db/last-contact';
import { handle } from '@/lib/messaging';
import * as msg from '@/lib/messaging/protocol';
import { remembered } from './detected-moves';

/** Mail threads resolve to the company (issue 15, point 3): the dock's suggestion and its one action. */
export function registerMailCompanyHandlers(): void {
  handle(msg.suggestMailCompany, (subject) => suggestMailCompany(db(), subject));
  handle(msg.resolveMailCompany, async ({ subject, customerId, contact, coach }, sender) => {
    const done = await resolveMailCompany(db(), subject, { customerId, contact, coach });
    if ('refused' in done) throw new Error(done.refused);
    // Matched by the domain or contact just added; a public-mail sender without a contact by the choice.
    const found = await subjectInfo(db(), subject);
    const info = found.customer ? found : await pickedInfo(db(), done.customerId, subject);
    return remembered(sender, afterAnswer(db(), subject, info));
  });
}
