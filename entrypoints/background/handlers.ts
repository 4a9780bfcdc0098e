import { browser } from 'wxt/browser';
import { actOnProblemWire, customerFromSubject, db, linkSubject, pickedInfo, saveCustomer, saveTeachRule, searchCustomers, subjectInfo, teachRulesFor } from '@/lib/db';
import { handle } from '@/lib/messaging';
import * as msg from '@/lib/messaging/protocol';
import { coachActWire } from '@/lib/db/coach-actions';
import { localIsoDate } from '@/lib/tenure/summary';
import { readCatalogue } from '@/lib/prefs/catalogue';
import { afterAnswer } from '@/lib/db/last-contact';
import { openQuickLogPopup } from './open-ui';
import { remembered, wasDetected } from './detected-moves';
import { checkTeachRuleHost, teachHostFor } from './sender-host';
import { registerTenureHandlers } from './tenure-handlers';
import { isCustomerLike } from '@/lib/model/subject-kind';
import { registerMailCompanyHandlers } from './mail-company-handlers';
import { crmPageSeen } from './crm';

export function registerHandlers(): void {
  // After answering, a mail thread's newest message moves the customer's last contact (lib/db/last-contact.ts).
  handle(msg.lookupSubject, async (subject, sender) => {
    // A page of a connected CRM: that CRM syncs in the background (entrypoints/background/crm.ts).
    crmPageSeen(sender);
    return remembered(sender, await afterAnswer(db(), subject, await subjectInfo(db(), subject)));
  });
  handle(msg.addCustomerFromSubject, async (subject) => {
    // A CRM's user, report or dashboard page is not a customer (lib/model/subject-kind.ts).
    if (!isCustomerLike(subject)) throw new Error('This page is not about a customer.');
    const d = db();
    // Adding twice (a double click, two tabs) must not make two customers.
    const known = await subjectInfo(d, subject);
    if (known.customer) return known;
    await saveCustomer(d, customerFromSubject(subject));
    return subjectInfo(d, subject);
  });
  handle(msg.pickCustomer, async ({ customerId, subject }, sender) => {
    await linkSubject(db(), customerId, subject);
    return remembered(sender, await afterAnswer(db(), subject, await pickedInfo(db(), customerId, subject)));
  });
  handle(msg.loadPanels, async (_none, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new Error('panels can only be loaded into a tab');
    // Into the asking frame's isolated world, where its content script lives.
    await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: ['/dock-panels.js'] });
    return null;
  });
  handle(msg.getCatalogue, ({ lang }) => readCatalogue(lang));
  handle(msg.searchCustomers, ({ query }) => searchCustomers(db(), query));
  // Teach rules of the sending frame's own host, not the host its content script names (sender-host.ts).
  handle(msg.getTeachRules, ({ host }, sender) => teachRulesFor(db(), teachHostFor(sender, host)));
  handle(msg.saveTeachRule, async (rule, sender) => {
    checkTeachRuleHost(sender, rule.host);
    await saveTeachRule(db(), rule);
    return teachRulesFor(db(), rule.host);
  });
  // Issue owner: the dock's buttons, through lib/owners' lifecycle.
  handle(msg.ownerAct, ({ problemId, action }) => actOnProblemWire(db(), problemId, action));
  // Sales coaches: the dock's buttons (make a coach, record or dismiss a move, touch).
  // A move is acted on only for a coach this background detected as that frame's sender (detected-moves.ts).
  handle(msg.coachAct, ({ subject, action }, sender) => {
    if ((action.type === 'move' || action.type === 'notMove') && wasDetected(sender, action.coachId, action.from) === false) {
      return { ok: false, code: 'refused', reason: 'That coach is not who this page’s sender was recognised as. Look at the page again.' };
    }
    return coachActWire(db(), subject, action, localIsoDate());
  });
  handle(msg.openQuickLog, async () => {
    await openQuickLogPopup();
    return null;
  });
  registerTenureHandlers();
  registerMailCompanyHandlers();
}
