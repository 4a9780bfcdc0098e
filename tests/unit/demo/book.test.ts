import { describe, expect, it } from 'vitest';
import { Backup } from '../../../lib/backup/format';
import { validateProblemHistory } from '../../../lib/owners/history';
import { summariseTenure } from '../../../lib/tenure';
import { demoBook } from '../../fixtures/demo/book';

/**
 * The demo is what a newcomer judges Holdfast by: it must be a valid backup (the real restore
 * takes it), every problem must pass the team server's rulebook, and each customer must show
 * the case it is there for.
 */
const TODAY = '2026-12-03';
const book = demoBook(TODAY);
const { customers, revenueLines, problems, coaches } = book.tables;

function figures(id: string) {
  const customer = customers.find((c) => c.id === id)!;
  return summariseTenure({
    customer,
    lines: revenueLines.filter((l) => l.customerId === id),
    problems: problems.filter((p) => p.customerId === id),
    coaches,
    today: TODAY,
    now: `${TODAY}T12:00:00.000Z`,
  });
}

describe('the demo book', () => {
  it('is a backup the restore accepts', () => {
    const parsed = Backup.safeParse(JSON.parse(JSON.stringify(book)));
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
  });

  it('has problems in every state the dock shows, each with a history the server accepts', () => {
    expect(new Set(problems.map((p) => p.status))).toEqual(new Set(['open', 'working', 'waiting_on_customer', 'resolved_awaiting_confirmation', 'closed']));
    for (const p of problems) expect(validateProblemHistory(p), p.id).toEqual({ ok: true });
  });

  it('is the same book when made twice for the same day (a second restore changes nothing)', () => {
    expect(demoBook(TODAY)).toEqual(book);
  });

  it('shows Acme as mostly existing business from the CRM, with revenue in several currencies across the book', () => {
    const acme = figures('demo-c-acme');
    const usd = acme.last12.find((m) => m.currency === 'USD')!;
    expect(usd.existing / usd.total).toBeGreaterThan(0.6);
    expect(acme.sources.crm).toBeGreaterThan(0);
    expect(acme.years).toBe(6);
    expect(new Set(revenueLines.map((l) => l.currency))).toEqual(new Set(['USD', 'GBP', 'EUR', 'CNY']));
  });

  it('has a customer whose early history was not imported, a win-back, a prospect, and one at risk', () => {
    expect(figures('demo-c-northwind').earlierNotImported).toBe(true);
    expect(figures('demo-c-hooli').recent.some((l) => l.reason === 'won_back')).toBe(true);
    expect(figures('demo-c-umbrella').prospect).toBe(true);
    expect(figures('demo-c-initech').risk.level).not.toBe('low');
  });
});

describe('the demo book on a device that already knows who I am', () => {
  it('tells the demo from that rep: my problems, pod and customers take my id, and my rep record is newer than the device’s', () => {
    const me = { id: 'device-rep-1', updatedAt: '2026-12-03T08:00:00.000Z' };
    const mine = demoBook(TODAY, me);
    expect(JSON.stringify(mine)).not.toContain('"demo-rep-jane"');
    expect(mine.tables.problems.filter((p) => p.ownerRepId === me.id).length).toBeGreaterThan(1);
    expect(mine.tables.pods[0]!.memberIds).toContain(me.id);
    expect(mine.tables.reps.find((r) => r.id === me.id)).toMatchObject({ name: 'Jane Morgan', updatedAt: '2026-12-03T08:01:00.000Z' });
    expect(mine.tables.settings).toEqual([]);
    expect(Backup.safeParse(mine).success).toBe(true);
  });
});
