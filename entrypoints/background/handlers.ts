import { customerFromSubject, db, saveCustomer, subjectInfo } from '@/lib/db';
import { handle } from '@/lib/messaging';

export function registerHandlers(): void {
  handle('lookupSubject', (subject) => subjectInfo(db(), subject));
  handle('addCustomerFromSubject', async (subject) => {
    const d = db();
    // Adding twice (a double click, two tabs) must not make two customers.
    const known = await subjectInfo(d, subject);
    if (known.customer) return known;
    await saveCustomer(d, customerFromSubject(subject));
    return subjectInfo(d, subject);
  });
}
