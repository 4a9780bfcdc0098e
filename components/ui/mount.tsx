import { render, type ComponentChild } from 'preact';
import { t } from '@/lib/i18n';
import './page.css';

/** Render an extension page into #app with the document language and title set. */
export function mountPage(title: string, app: ComponentChild): void {
  document.documentElement.lang = t('htmlLang');
  document.title = title;
  const root = document.getElementById('app');
  if (root) render(app, root);
}
