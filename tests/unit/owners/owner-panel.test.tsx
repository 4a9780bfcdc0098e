// @vitest-environment happy-dom
// The dock's issue-owner panel: the list facts, mine highlighted, one click to act, and a
// refusal shown with its reason.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { OwnerPanel } from '@/components/dock/OwnerPanel';
import type { OwnerAction, OwnerActionReply, ProblemSummary } from '@/lib/messaging/protocol';

const problem = (over: Partial<ProblemSummary> = {}): ProblemSummary => ({
  id: 'p1',
  title: 'Invoice sent twice',
  status: 'open',
  severity: 'high',
  ownerName: 'Ann',
  mine: true,
  receivedAt: new Date(Date.now() - 27 * 3_600_000).toISOString(),
  dueAt: new Date(Date.now() - 3_600_000).toISOString(),
  ...over,
});

const flush = () => act(async () => new Promise((r) => setTimeout(r)));

describe('OwnerPanel', () => {
  it('shows owner, age, due time and status, with mine highlighted and overdue marked', () => {
    const host = document.createElement('div');
    render(<OwnerPanel problems={[problem(), problem({ id: 'p2', mine: false, ownerName: 'Bob', dueAt: undefined, transferNote: 'Ann left the company' })]} />, host);
    const [mine, theirs] = host.querySelectorAll('.problems > li');
    expect(mine?.className).toBe('mine');
    expect(mine?.textContent).toContain('Owner: Ann');
    expect(mine?.textContent).toContain('age 1 d 3 h');
    expect(mine?.querySelector('.overdue')?.textContent).toContain('overdue since');
    expect(theirs?.className).toBe('');
    expect(theirs?.textContent).toContain('Transferred: “Ann left the company”');
  });

  it('acts in one click and shows a refusal with its reason', async () => {
    const host = document.createElement('div');
    const onAction = vi.fn(
      async (_id: string, a: OwnerAction): Promise<OwnerActionReply> =>
        a.type === 'markResolved'
          ? { ok: false, code: 'illegal_transition', reason: 'Cannot mark it resolved: the problem is open.', detail: { step: 'markResolved', status: 'open', allowed: ['working', 'waiting_on_customer'] } }
          : { ok: true },
    );
    render(<OwnerPanel problems={[problem()]} onAction={onAction} onLogProblem={() => {}} />, host);
    host.querySelector<HTMLButtonElement>('[data-act=markResolved]')!.click();
    await flush();
    expect(host.querySelector('[role=alert]')?.textContent).toBe(
      'Work on it has not started, so it cannot be marked resolved yet. Start work first — or, if the customer has just confirmed on a call that it is solved, use “Customer confirmed on this call”.',
    );
    host.querySelector<HTMLButtonElement>('[data-act=start]')!.click();
    await flush();
    expect(onAction).toHaveBeenLastCalledWith('p1', { type: 'start' });
    expect(host.querySelector('[role=alert]')).toBeNull();
  });

  it('offers a colleague to cover, not to take over', () => {
    const host = document.createElement('div');
    render(<OwnerPanel problems={[problem({ mine: false })]} onAction={async () => ({ ok: true })} />, host);
    const acts = [...host.querySelectorAll('[data-act]')].map((b) => b.getAttribute('data-act'));
    expect(acts).toEqual(['coverMe']);
  });

  it('records a confirmation only once resolved, asking who and whether satisfied', async () => {
    const host = document.createElement('div');
    const onAction = vi.fn(async (): Promise<OwnerActionReply> => ({ ok: true }));
    document.body.append(host); // a form submits only when it is in a document
    render(<OwnerPanel problems={[problem({ status: 'resolved_awaiting_confirmation' })]} onAction={onAction} />, host);
    expect(host.querySelector('[data-act=markResolved]')).toBeNull();
    host.querySelector<HTMLButtonElement>('[data-act=recordConfirmation]')!.click();
    await flush();
    host.querySelector<HTMLButtonElement>('[data-act=saveConfirmation]')!.click();
    await flush();
    expect(onAction).not.toHaveBeenCalled();
    expect(host.textContent).toContain('Say who confirmed and whether they are satisfied.');
  });
});
