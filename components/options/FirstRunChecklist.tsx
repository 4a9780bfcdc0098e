import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { db } from '@/lib/db';
import { findMe } from '@/lib/db/me';
import { t, type MessageKey } from '@/lib/i18n';
import { useLive } from '../ui/useLive';
import { setupState } from './setup-steps';
import { useGrantedOrigins } from './useGrantedOrigins';

/** Set when the rep hides the checklist before finishing it (storage.local, this browser only). */
const DISMISSED_KEY = 'holdfast.setupDismissed';

interface Step {
  id: 'sites' | 'profile' | 'customers';
  title: MessageKey;
  hint: MessageKey;
  href: string;
  link: MessageKey;
}

const STEPS: Step[] = [
  { id: 'sites', title: 'opt_step1', hint: 'opt_step1Hint', href: '#sites', link: 'opt_step1Link' },
  { id: 'profile', title: 'opt_step2', hint: 'opt_step2Hint', href: '#profile', link: 'opt_step2Link' },
  { id: 'customers', title: 'opt_step3', hint: 'opt_step3Hint', href: '#import', link: 'opt_step3Link' },
];

/**
 * The first-run checklist at the top of Me: enable a site, say who I am, bring in customers.
 * Each step ticks itself from what is actually there (a granted site, a profile with an email,
 * a stored customer), so it stays right whichever way the rep got there; once all three are
 * done it shrinks to one line. The rep may hide it sooner, and bring it back.
 */
export function FirstRunChecklist() {
  const granted = useGrantedOrigins();
  const facts = useLive(
    async () => {
      const d = db();
      const [me, customers] = await Promise.all([findMe(d), d.customers.count()]);
      return { me: me ? { name: me.name, ...(me.email ? { email: me.email } : {}) } : undefined, customers, loaded: true };
    },
    [],
    { me: undefined, customers: 0, loaded: false } as { me: { name: string; email?: string } | undefined; customers: number; loaded: boolean },
  );
  const [dismissed, setDismissed] = useState<boolean | null>(null);
  useEffect(() => void browser.storage.local.get(DISMISSED_KEY).then((v) => setDismissed(v[DISMISSED_KEY] === true)), []);
  const hide = (value: boolean) => {
    setDismissed(value);
    void browser.storage.local.set({ [DISMISSED_KEY]: value });
  };

  // Nothing until both the database and the dismissal are read: no flash of an unticked list.
  if (!facts.loaded || dismissed === null) return null;
  const state = setupState({ granted, me: facts.me, customers: facts.customers });

  if (state.complete) {
    return (
      <p class="setup-done" data-testid="setup-done">
        {t('opt_setupDone')}
      </p>
    );
  }
  if (dismissed) {
    return (
      <p class="setup-hidden">
        <button type="button" class="link" onClick={() => hide(false)}>
          {t('opt_setupShow')}
        </button>
      </p>
    );
  }
  return (
    <section class="setup card" aria-labelledby="setup-h" data-testid="setup-checklist">
      <h2 id="setup-h" class="setup-title">
        {t('opt_setupTitle')} <span class="status">{t('opt_setupProgress', state.done)}</span>
      </h2>
      <ol class="setup-steps">
        {STEPS.map((step, i) => {
          const done = state[step.id];
          return (
            <li key={step.id} class={done ? 'done' : ''} data-step={step.id} data-done={String(done)}>
              <span class="tick" aria-hidden="true">{done ? '✓' : i + 1}</span>
              <div>
                <strong>{t(step.title)}</strong> <span class="visually-hidden">({done ? t('opt_stepDone') : t('opt_stepTodo')})</span>
                <div class="muted">{t(step.hint)}</div>
                <a href={step.href}>{t(step.link)}</a>
                {step.id === 'profile' && (
                  <>
                    {' · '}
                    <a href="#traits">{t('opt_step2Traits')}</a>
                  </>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" class="link" onClick={() => hide(true)}>
        {t('opt_setupDismiss')}
      </button>
    </section>
  );
}
