import { t, type MessageKey } from '@/lib/i18n';

/**
 * A count in the reader's language with the noun agreeing: English says "1 year" but "2 years"
 * (and "0 years"); Chinese has one form, so both keys hold the same words there. The `one`
 * message carries its number in its words ("1 rep"), not as a placeholder.
 */
export function countText(n: number, one: MessageKey, other: MessageKey): string {
  return n === 1 ? t(one) : t(other, n);
}
