import { render, type ComponentChild } from 'preact';
import { t, type MessageKey } from '@/lib/i18n';
import { applyChosenLanguage } from '@/lib/prefs/catalogue';
import './page.css';

/**
 * Render an extension page into #app with the document language and title set, in the
 * language chosen in Options (read first, so no text is drawn in the wrong language). The
 * page is a function because its text must be built after that choice is known.
 */
export function mountPage(titleKey: MessageKey, app: () => ComponentChild): void {
  void applyChosenLanguage().then(() => {
    document.documentElement.lang = t('htmlLang');
    document.title = t(titleKey);
    const root = document.getElementById('app');
    if (root) render(app(), root);
  });
}
