import { db } from '@/lib/db';
import { createCustomer, editCustomer, repChoices } from '@/lib/db/customer-edit';
import { correctLineKind } from '@/lib/db/line-kind';
import { handle } from '@/lib/messaging';
import * as msg from '@/lib/messaging/protocol';

/** Customer tenure (issue 4): the dock's manual entry, editing and capture from the page. */
export function registerTenureHandlers(): void {
  handle(msg.editCustomer, ({ customerId, edit }) => editCustomer(db(), customerId, edit));
  handle(msg.createCustomer, ({ subject, edit }) => createCustomer(db(), subject, edit));
  handle(msg.listReps, () => repChoices(db()));
  handle(msg.correctLineKind, async ({ lineId, kind }) => ({ ok: await correctLineKind(db(), lineId, kind) }));
}
