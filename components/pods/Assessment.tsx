import { useState } from 'preact/hooks';
import { db } from '@/lib/db';
import { saveTraits } from '@/lib/db/pods';
import { t } from '@/lib/i18n';
import type { Rep } from '@/lib/model';
import { AssessmentError, SCALE_LABELS, STATEMENTS, scoreAssessment, styleFromTraits } from '@/lib/pods';
import { Profile } from './Profile';
import { uiLang } from './lang';

const number = new Map(STATEMENTS.map((s, i) => [s.id, i + 1]));

/**
 * The 20-statement self-assessment. Native radio groups inside fieldsets: Tab moves between
 * statements, arrow keys choose within one, and each group is named by its statement.
 * Answers are scored and saved in one step; only the scores are stored, not the answers.
 */
export function Assessment({ me }: { me: Rep | null }) {
  const lang = uiLang();
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  function choose(id: string, value: number) {
    setAnswers((prev) => ({ ...prev, [id]: value }));
    if (missing.has(id)) setMissing((prev) => new Set([...prev].filter((m) => m !== id)));
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (!me) return;
    try {
      const traits = scoreAssessment(answers);
      await saveTraits(db(), me.id, traits, styleFromTraits(traits));
      setMissing(new Set());
      setMessage({ kind: 'ok', text: t('pods_assessmentSaved') });
    } catch (err) {
      if (!(err instanceof AssessmentError)) {
        setMessage({ kind: 'error', text: t('pods_saveFailed', String(err)) });
        return;
      }
      setMissing(new Set(err.missing));
      const numbers = err.missing.map((id) => number.get(id)).join(', ');
      setMessage({ kind: 'error', text: t('pods_answersMissing', err.missing.length, numbers) });
      // Put the keyboard where the work is: the first unanswered statement.
      document.getElementById(`pods-q-${err.missing[0]}-1`)?.focus();
    }
  }

  return (
    <section aria-labelledby="pods-assess-h">
      <h2 id="pods-assess-h">{t('pods_assessmentTitle')}</h2>
      {me?.traits ? (
        <Profile rep={me} />
      ) : (
        <p class="muted" data-testid="pods-no-profile">{t('pods_noProfileYet')}</p>
      )}
      <details open={!me?.traits}>
        <summary>{me?.traits ? t('pods_retake') : t('pods_takeIt')}</summary>
        <p class="muted">{t('pods_assessmentIntro')}</p>
        <form onSubmit={submit} noValidate>
          {STATEMENTS.map((s, i) => {
            const bad = missing.has(s.id);
            return (
              <fieldset key={s.id} class={bad ? 'pods-q invalid' : 'pods-q'} aria-describedby={bad ? `pods-q-${s.id}-err` : undefined}>
                <legend>{`${i + 1}. ${s[lang]}`}</legend>
                <div class="pods-scale">
                  {SCALE_LABELS.map((option) => (
                    <label key={option.value} for={`pods-q-${s.id}-${option.value}`}>
                      <input
                        type="radio"
                        id={`pods-q-${s.id}-${option.value}`}
                        name={`pods-q-${s.id}`}
                        value={option.value}
                        checked={answers[s.id] === option.value}
                        onChange={() => choose(s.id, option.value)}
                      />
                      {option[lang]}
                    </label>
                  ))}
                </div>
                {bad && (
                  <p id={`pods-q-${s.id}-err`} class="pods-field-error">
                    {t('pods_chooseAnswer')}
                  </p>
                )}
              </fieldset>
            );
          })}
          <p>
            <button type="submit" class="primary" disabled={!me}>
              {t('pods_scoreAndSave')}
            </button>
          </p>
        </form>
      </details>
      <p role="status" class={message?.kind === 'error' ? 'error' : 'muted'}>
        {message?.text}
      </p>
    </section>
  );
}
