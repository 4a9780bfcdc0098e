// Every refusal's specific reason in both languages (issue 15, point 4): each RefusalCode,
// made to happen through the lifecycle, is worded from the catalogue with its specifics —
// the step, the status it met and the ones it needs, a limit — in English and in Chinese.
import { afterEach, describe, expect, it } from 'vitest';
import zh from '../../../public/_locales/zh_CN/messages.json';
import { setCatalogue } from '@/lib/i18n';
import type { Problem } from '../../../lib/model';
import type { RefusalCode } from '../../../lib/owners/actions';
import { applyAction, type ProblemAction } from '../../../lib/owners/lifecycle';
import { refusalText } from '@/components/owners/text';
import { at, BOB, CAROL, idGen, inStatus, must, OWNER } from './helpers';

afterEach(() => setCatalogue(null));

const covered = () => must(inStatus('working'), { type: 'addCover', repId: BOB }, { actor: BOB });
const cases: Array<[RefusalCode, () => Problem, ProblemAction, { actor?: string; now?: string }?]> = [
  ['invalid_action', () => inStatus('open'), { type: 'fly' } as unknown as ProblemAction],
  ['deleted', () => ({ ...inStatus('open'), deleted: true }), { type: 'start' }],
  ['closed', () => inStatus('closed'), { type: 'confirmOnCall', by: 'Dana Fox' }],
  ['not_participant', () => inStatus('open'), { type: 'start' }, { actor: CAROL }],
  ['illegal_transition', () => inStatus('working'), { type: 'resumeWork' }],
  ['not_resolved', () => inStatus('waiting_on_customer'), { type: 'recordConfirmation', confirmation: { at: at(2), by: 'Dana', how: 'phone', satisfied: true } }],
  ['confirmation_required', () => inStatus('working'), { type: 'close' }],
  ['empty_update', () => inStatus('open'), { type: 'addUpdate', text: '  ' }],
  ['update_too_long', () => inStatus('open'), { type: 'addUpdate', text: 'x'.repeat(20_001) }],
  ['not_allowed', () => inStatus('open'), { type: 'addCover', repId: BOB }, { actor: CAROL }],
  ['owner_cannot_cover', () => inStatus('open'), { type: 'addCover', repId: OWNER }],
  ['already_covering', covered, { type: 'addCover', repId: BOB }],
  ['not_covering', () => inStatus('open'), { type: 'removeCover', repId: BOB }],
  ['invalid_edit', () => inStatus('open'), { type: 'edit', changes: { severity: 'apocalyptic' } }],
  ['owner_change_refused', () => inStatus('open'), { type: 'edit', changes: { ownerRepId: BOB } }],
  ['field_not_editable', () => inStatus('open'), { type: 'edit', changes: { status: 'closed' } }],
  ['nothing_to_change', () => inStatus('open'), { type: 'edit', changes: { title: 'Invoice shows wrong VAT' } }],
  ['not_owner', covered, { type: 'transfer', toRepId: CAROL, reason: 'I am taking this one over' }, { actor: BOB }],
  ['same_owner', () => inStatus('open'), { type: 'transfer', toRepId: OWNER, reason: 'Owner left the company' }],
  ['reason_too_short', () => inStatus('open'), { type: 'transfer', toRepId: BOB, reason: 'left' }],
  ['reason_too_long', () => inStatus('open'), { type: 'transfer', toRepId: BOB, reason: 'y'.repeat(2001) }],
  ['invalid_result', () => inStatus('open'), { type: 'start' }, { now: 'not a time' }],
  ['no_confirmer', () => inStatus('open'), { type: 'confirmOnCall', by: ' ' }],
];

function refusal(make: () => Problem, action: ProblemAction, over: { actor?: string; now?: string } = {}) {
  const r = applyAction(make(), action, { actor: OWNER, now: at(30), newId: idGen('r'), ...over });
  if (r.ok) throw new Error(`${action.type} was not refused`);
  return r;
}

// Latin words left in a Chinese sentence (a field's own name, quoted back, is allowed).
const latin = (s: string) => s.replace(/status/g, '').match(/[A-Za-z]{2,}/g);

describe('refusalText', () => {
  it('covers every refusal code the lifecycle has', () => {
    const codes = new Set(cases.map(([c]) => c));
    expect(codes.size).toBe(cases.length);
    expect(codes.size).toBe(23);
  });

  it.each(cases)('%s: its own words in English and in Chinese', (code, make, action, over) => {
    const r = refusal(make, action, over);
    expect(r.code).toBe(code);
    const en = refusalText(r);
    expect(en).not.toMatch(/^Not done:/);
    expect(en).not.toMatch(/\$\d/);
    setCatalogue(zh);
    const cn = refusalText(r);
    expect(cn).toMatch(/[\u4e00-\u9fff]/);
    expect(latin(cn)).toBeNull();
    expect(cn).not.toMatch(/\$\d/);
  });

  it('names the statuses and the step, in Chinese too', () => {
    const wrongStep = refusal(() => inStatus('working'), { type: 'resumeWork' });
    expect(refusalText(wrongStep)).toBe('Cannot resume work: the problem is “working”. That is possible only when it is “waiting on customer”.');
    const early = refusal(() => inStatus('open'), { type: 'markResolved' });
    expect(refusalText(early)).toContain('Work on it has not started');
    const unresolved = refusal(() => inStatus('waiting_on_customer'), { type: 'recordConfirmation', confirmation: { at: at(2), by: 'Dana', how: 'phone', satisfied: true } });
    setCatalogue(zh);
    expect(refusalText(wrongStep)).toBe('不能继续处理：问题当前为“处理中”，只有在“等待客户”时才可以。');
    expect(refusalText(early)).toBe(
      '这个问题还没有开始处理，暂时不能标记为已解决。请先点“开始处理”；如果客户刚在电话里确认已经解决，请直接点“客户已在电话中确认”。',
    );
    expect(refusalText(unresolved)).toContain('问题当前为“等待客户”');
    expect(refusalText(refusal(() => inStatus('open'), { type: 'transfer', toRepId: BOB, reason: 'left' }))).toContain('至少 10 个字符');
  });

  it('lists both statuses a step needs, joined in the language', () => {
    const r = refusal(() => inStatus('resolved_awaiting_confirmation'), { type: 'markResolved' });
    expect(refusalText(r)).toContain('“working” or “waiting on customer”');
    setCatalogue(zh);
    expect(refusalText(r)).toContain('“处理中”或“等待客户”');
  });

  it('a code it does not know keeps the reason it came with', () => {
    expect(refusalText({ code: 'refused', reason: 'That coach is not who this page’s sender was recognised as.' })).toBe(
      'Not done: That coach is not who this page’s sender was recognised as.',
    );
  });
});
