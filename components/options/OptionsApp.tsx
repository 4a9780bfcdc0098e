import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ImportSection } from '@/components/import/ImportSection';
import { CoachBudgetsSection, CoachesSection } from '@/components/coaches/CoachesSection';
import { OwnerReminders, OwnersSection } from '@/components/owners/OwnersSection';
import { SelfAssessment, TeamPods } from '@/components/pods/TeamPods';
import { SyncSection } from '@/components/sync/SyncSection';
import { t, type MessageKey } from '@/lib/i18n';
import { BackupSection } from './BackupSection';
import { CrmSection } from './crm/CrmSection';
import { DataCounts } from './DataCounts';
import { LanguageChoice } from './DisplayPrefs';
import { FirstRunChecklist } from './FirstRunChecklist';
import { LeadNote } from './LeadNote';
import { ProfileForm } from './ProfileForm';
import { headingId, routeFromHash, SECTIONS, type Route, type SectionId } from './sections';
import { SitesSection } from './SitesSection';
import { StorageInfo } from './StorageInfo';
import './options.css';

const NAV: Record<SectionId, MessageKey> = {
  me: 'opt_nav_me',
  sites: 'opt_nav_sites',
  data: 'opt_nav_data',
  crm: 'opt_nav_crm',
  sync: 'opt_nav_sync',
  lead: 'opt_nav_lead',
};

/** Move focus to the route's heading (made focusable for it), so keyboard and screen-reader users land there. */
function focusRoute(route: Route): void {
  const el = document.getElementById(route.focusId);
  if (!el) return;
  if (!el.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) el.setAttribute('tabindex', '-1');
  el.focus();
  el.scrollIntoView({ block: 'start' });
}

/** A section's own heading, where focus lands when it is opened (Team sync brings its own). */
function Panel({ id, current, intro, children }: { id: SectionId; current: SectionId; intro?: MessageKey; children: ComponentChildren }) {
  const own = id !== 'sync';
  return (
    <section id={`section-${id}`} class="panel" hidden={id !== current} aria-labelledby={headingId(id)} data-section={id}>
      {own && (
        <h2 id={headingId(id)} class="section-title" tabIndex={-1}>
          {id === 'sites' ? t('sitesTitle') : t(NAV[id])}
        </h2>
      )}
      {intro && <p class="muted section-intro">{t(intro)}</p>}
      {children}
    </section>
  );
}

/**
 * The options page: a navigation (left, or on top in a narrow window) over six sections,
 * each at its own address (options.html#sites). Only the current section is shown; the
 * others stay mounted, so a half-done import survives a look at another section. Personal
 * settings first; the team lead's work in its own section, visible to all and labelled.
 */
export function OptionsApp() {
  const [route, setRoute] = useState<Route>(() => routeFromHash(location.hash));
  useEffect(() => {
    const onHash = () => {
      const next = routeFromHash(location.hash);
      setRoute(next);
      // After the section is shown: focus cannot go into a hidden one.
      requestAnimationFrame(() => focusRoute(next));
    };
    // A link to where the page already is fires no hashchange; it should still move focus.
    const onClick = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.('a[href^="#"]');
      if (a && a.getAttribute('href') === location.hash) requestAnimationFrame(() => focusRoute(routeFromHash(location.hash)));
    };
    window.addEventListener('hashchange', onHash);
    document.addEventListener('click', onClick);
    return () => {
      window.removeEventListener('hashchange', onHash);
      document.removeEventListener('click', onClick);
    };
  }, []);
  const current = route.section;

  return (
    <div class="options-layout">
      <header class="options-header">
        <h1>{t('optionsTitle')}</h1>
        <nav aria-label={t('opt_navLabel')} class="options-nav">
          <ul>
            {SECTIONS.map((id) => (
              <li key={id}>
                <a href={`#${id}`} aria-current={id === current ? 'page' : undefined} data-section={id}>
                  {t(NAV[id])}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main class="options-main">
        <Panel id="me" current={current} intro="opt_intro_me">
          <FirstRunChecklist />
          <ProfileForm />
          <LanguageChoice />
          <OwnerReminders />
          <SelfAssessment />
        </Panel>
        <Panel id="sites" current={current}>
          <SitesSection />
        </Panel>
        <Panel id="data" current={current} intro="opt_intro_data">
          <ImportSection />
          <CoachesSection />
          <BackupSection />
          <DataCounts />
          <StorageInfo />
        </Panel>
        <Panel id="crm" current={current} intro="opt_intro_crm">
          <CrmSection />
        </Panel>
        <Panel id="sync" current={current}>
          <SyncSection />
        </Panel>
        <Panel id="lead" current={current} intro="opt_intro_lead">
          <LeadNote />
          <TeamPods />
          <CoachBudgetsSection />
          <OwnersSection />
        </Panel>
      </main>
    </div>
  );
}
