// The background's owner parts with fake-browser and a controlled clock: reminder runs and
// the context-menu path (Playwright cannot click the browser's own menus).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HoldfastDB, actOnProblem, logProblemAsMe, saveReminderSettings } from '@/lib/db';
import { newId } from '@/lib/util/ids';
import { runReminders } from '@/entrypoints/background/reminders';
import { logSelection } from '@/entrypoints/background/context-menu';
import { openQuickLogPopup, PENDING_DETAIL_KEY } from '@/entrypoints/background/open-ui';

let db: HoldfastDB;
beforeEach(async () => {
  db = new HoldfastDB(`test-${newId()}`);
  await db.open();
});

const T0 = '2026-03-02T09:00:00.000Z';
const at = (h: number) => new Date(Date.parse(T0) + h * 3_600_000).toISOString();

describe('runReminders', () => {
  it('notifies the owner once per episode: overdue, then stale after the configured hours', async () => {
    await saveReminderSettings(db, { staleAfterHours: 6, confirmationWaitHours: 48 });
    const p = await logProblemAsMe(db, { customerId: 'c', title: 'Refund missing', channel: 'phone', dueAt: at(2) }, T0);

    expect(await runReminders(db, at(1))).toEqual([]);
    expect((await runReminders(db, at(3))).map((r) => r.kind)).toEqual(['overdue']);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([`holdfast-problem:overdue:${p.id}`]);
    const shown = (fakeBrowser.notifications as unknown as { getAllCreateOptions(): Record<string, { message: string }> }).getAllCreateOptions();
    expect(shown[`holdfast-problem:overdue:${p.id}`]?.message).toBe('“Refund missing” is past its due time.');

    expect(await runReminders(db, at(4))).toEqual([]); // already told
    expect((await runReminders(db, at(6))).map((r) => r.kind)).toEqual(['stale']);
  });

  it('chases the customer confirmation and stops once the problem is closed', async () => {
    const p = await logProblemAsMe(db, { customerId: 'c', title: 'Wrong VAT', channel: 'email' }, T0);
    await actOnProblem(db, p.id, { type: 'start' }, at(1));
    await actOnProblem(db, p.id, { type: 'markResolved' }, at(2));
    expect((await runReminders(db, at(2 + 48))).map((r) => r.kind)).toEqual(['awaiting_confirmation']);
    await actOnProblem(db, p.id, { type: 'recordConfirmation', confirmation: { at: at(51), by: 'Dana', how: 'phone', satisfied: true } }, at(51));
    expect(await runReminders(db, at(200))).toEqual([]);
    const sent = (await db.settings.get('owner.remindersSent'))?.value;
    expect(sent).toEqual([]); // closed: its keys are forgotten
  });
});

describe('the context-menu path', () => {
  it('stores the selection as the pending detail and opens the quick-log', async () => {
    const open = vi.fn(async () => 'action' as const);
    expect(await logSelection('  Order 4411 arrived damaged ', open, T0)).toBe(true);
    expect(open).toHaveBeenCalledOnce();
    expect((await fakeBrowser.storage.session.get(PENDING_DETAIL_KEY))[PENDING_DETAIL_KEY]).toEqual({ detail: 'Order 4411 arrived damaged', at: T0 });
  });

  it('does nothing for an empty selection', async () => {
    const open = vi.fn(async () => 'action' as const);
    expect(await logSelection('   ', open, T0)).toBe(false);
    expect(open).not.toHaveBeenCalled();
  });

  it('opens the toolbar popup where it can, else popup.html in a small window', async () => {
    expect(await openQuickLogPopup({ action: { openPopup: async () => undefined } })).toBe('action');
    const before = (await fakeBrowser.windows.getAll()).length;
    expect(await openQuickLogPopup({ action: { openPopup: () => Promise.reject(new Error('no user gesture')) } })).toBe('window');
    expect(await openQuickLogPopup({})).toBe('window');
    expect((await fakeBrowser.windows.getAll()).length).toBe(before + 2);
  });
});
