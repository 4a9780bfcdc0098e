import { t } from '@/lib/i18n';

/**
 * The names a rep record has before its rep typed one (lib/db/me.ts stores 'Me'; a profile
 * saved in Chinese may hold '我'). Stored data keeps them; only the display is localised.
 */
const DEFAULT_NAMES: ReadonlySet<string> = new Set(['Me', '我']);

/** A rep's name as shown: the default name in the reader's language ("负责人：我", not "负责人：Me"). */
export function repName(name: string): string {
  return DEFAULT_NAMES.has(name) ? t('defaultRepName') : name;
}
