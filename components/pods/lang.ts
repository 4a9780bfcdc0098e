import { t } from '@/lib/i18n';
import type { Style } from '@/lib/model';
import type { Lang, TraitKey } from '@/lib/pods';

/** The pods texts come in 'en' and 'zh'; follow the catalogue the browser picked. */
export function uiLang(): Lang {
  return t('htmlLang').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function traitLabel(key: TraitKey): string {
  return t(`pods_trait_${key}`);
}

export function styleLabel(style: Style | undefined): string {
  return style === undefined ? '—' : t(`pods_style_${style}`);
}
