/** The owner texts in the UI language: refusals, ages, due times. */
import { t, type MessageKey } from '@/lib/i18n';
import { ageParts } from '@/lib/owners/run';

/** Refusal codes the UI words itself (lib/owners' RefusalCode, plus the database's not_found). */
const REFUSALS = [
  'invalid_action', 'deleted', 'closed', 'not_participant', 'illegal_transition', 'not_resolved', 'confirmation_required',
  'empty_update', 'update_too_long', 'not_allowed', 'owner_cannot_cover', 'already_covering', 'not_covering', 'invalid_edit',
  'owner_change_refused', 'field_not_editable', 'nothing_to_change', 'not_owner', 'same_owner', 'reason_too_short',
  'reason_too_long', 'invalid_result', 'not_found',
] as const;

const isZh = () => t('htmlLang').toLowerCase().startsWith('zh');

/**
 * A refusal for the user. English shows lib/owners' own reason, which names the statuses
 * involved; other languages show the catalogue's words for the refusal code.
 */
export function refusalText(code: string, reason: string): string {
  if (!isZh()) return reason;
  return (REFUSALS as readonly string[]).includes(code) ? t(`owner_refused_${code}` as MessageKey) : reason;
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
