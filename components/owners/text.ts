/** The owner texts in the UI language: refusals, ages, due times. */
import { t, type MessageKey } from '@/lib/i18n';
import type { ProblemStatus } from '@/lib/model/enums';
import { ageParts } from '@/lib/owners/run';

/** Refusal codes the UI words itself (lib/owners' RefusalCode, plus the database's not_found). */
const REFUSALS = [
  'invalid_action', 'deleted', 'closed', 'not_participant', 'illegal_transition', 'not_resolved', 'confirmation_required',
  'empty_update', 'update_too_long', 'not_allowed', 'owner_cannot_cover', 'already_covering', 'not_covering', 'invalid_edit',
  'owner_change_refused', 'field_not_editable', 'nothing_to_change', 'not_owner', 'same_owner', 'reason_too_short',
  'reason_too_long', 'invalid_result', 'not_found', 'no_confirmer',
] as const;
type Code = (typeof REFUSALS)[number];

const STATUSES: readonly ProblemStatus[] = ['open', 'working', 'waiting_on_customer', 'resolved_awaiting_confirmation', 'closed'];
const STEPS = ['start', 'waitOnCustomer', 'resumeWork', 'markResolved', 'confirmSatisfied', 'confirmNotSatisfied'] as const;
const FIELDS = ['title', 'detail', 'severity', 'dueAt'] as const;

/** A refusal as the database or the background answers it; `detail` crossed a context, so each field is re-read. */
export interface Refusal {
  code: string;
  reason: string;
  detail?: object;
}

const oneOf = <T extends string>(list: readonly T[], v: unknown): T | undefined => (list as readonly unknown[]).includes(v) ? (v as T) : undefined;
const statusName = (s: ProblemStatus) => t('owner_statusQuoted', t(`status_${s}`));
const orList = (items: string[]) => items.reduce((a, b) => t('owner_or', a, b));

/**
 * A refusal in the UI language, with its specifics: the step refused, the status the problem
 * is in and the statuses the step needs, a length limit, the fields an edit may not touch.
 * lib/owners' English `reason` is shown only for a code the catalogue does not know.
 */
export function refusalText(r: Refusal): string {
  const code = oneOf(REFUSALS, r.code);
  if (!code) return t('owner_refused_generic', r.reason);
  const d: Record<string, unknown> = { ...r.detail };
  const status = oneOf(STATUSES, d.status);
  const step = oneOf(STEPS, d.step);
  const limit = typeof d.limit === 'number' ? d.limit : undefined;
  switch (code as Code) {
    case 'illegal_transition': {
      if (!step || !status) break;
      if (step === 'markResolved' && status === 'open') return t('owner_refused_markResolved_open');
      const allowed = Array.isArray(d.allowed) ? d.allowed.map((s) => oneOf(STATUSES, s)).filter((s) => s !== undefined) : [];
      if (!allowed.length) break;
      return t('owner_refused_illegal_transition', t(`owner_verb_${step}`), statusName(status), orList(allowed.map(statusName)));
    }
    case 'not_resolved':
      if (status) return t('owner_refused_not_resolved', statusName(status));
      break;
    case 'update_too_long':
    case 'reason_too_short':
    case 'reason_too_long':
      if (limit !== undefined) return t(`owner_refused_${code}` as MessageKey, limit);
      break;
    case 'field_not_editable': {
      const fields = Array.isArray(d.fields) ? d.fields.filter((f): f is string => typeof f === 'string') : [];
      if (fields.length) return t('owner_refused_field_not_editable', fields.map((f) => (oneOf(FIELDS, f) ? t(`owner_field_${f as (typeof FIELDS)[number]}`) : f)).join(t('owner_listSep')));
      break;
    }
    default:
      return t(`owner_refused_${code}` as MessageKey);
  }
  // The specifics did not come with it (they always do from lib/owners): its English reason.
  return t('owner_refused_generic', r.reason);
}

/** "3 d 4 h" / "5 h" since `fromIso`. */
export function ageText(fromIso: string, now = new Date().toISOString()): string {
  const { days, hours } = ageParts(fromIso, now);
  return days > 0 ? t('owner_ageDays', days, hours) : t('owner_ageHours', hours);
}

export function dateTimeText(iso: string): string {
  try {
    return new Intl.DateTimeFormat(t('htmlLang'), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  } catch {
    return iso;
  }
}

export const isPast = (iso: string, now = Date.now()) => Date.parse(iso) < now;
