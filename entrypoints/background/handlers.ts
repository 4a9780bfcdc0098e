import { browser } from 'wxt/browser';
import { actOnProblemWire, customerFromSubject, db, linkSubject, pickedInfo, saveCustomer, saveTeachRule, searchCustomers, subjectInfo, teachRulesFor } from '@/lib/db';
import { handle } from '@/lib/messaging';
import * as msg from '@/lib/messaging/protocol';
import { openQuickLogPopup } from './open-ui';

export function registerHandlers(): void {
  handle(msg.lookupSubject, (subject) => subjectInfo(db(), subject));
  handle(msg.addCustomerFromSubject, async (subject) => {
    const d = db();
    // Adding twice (a double click, two tabs) must not make two customers.
    const known = await subjectInfo(d, subject);
    if (known.customer) return known;
    await saveCustomer(d, customerFromSubject(subject));
    return subjectInfo(d, subject);
  });
  handle(msg.pickCustomer, async ({ customerId, subject }) => {
    await linkSubject(db(), customerId, subject);
    return pickedInfo(db(), customerId);
  });
  handle(msg.loadPanels, async (_none, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new Error('panels can only be loaded into a tab');
    // Into the asking frame's isolated world, where its content script lives.
    await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: ['/dock-panels.js'] });
    return null;
  });
  handle(msg.searchCustomers, ({ query }) => searchCustomers(db(), query));
  handle(msg.getTeachRules, ({ host }) => teachRulesFor(db(), host));
  handle(msg.saveTeachRule, async (rule) => {
    await saveTeachRule(db(), rule);
    return teachRulesFor(db(), rule.host);
  });
  // Issue owner: the dock's buttons, through lib/owners' lifecycle.
  handle(msg.ownerAct, ({ problemId, action }) => actOnProblemWire(db(), problemId, action));
  handle(msg.openQuickLog, async () => {
    await openQuickLogPopup();
    return null;
  });
}
