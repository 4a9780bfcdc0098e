import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { Rep } from '@/lib/model';
import { repName } from '../ui/rep-name';

export interface PodRule {
  readonly kind: 'together' | 'apart';
  readonly a: string;
  readonly b: string;
}

/**
 * Optional constraints for formation: pairs to keep together or apart. A pair can have one
 * rule only; asking for both is reported here rather than left for formation to reject.
 */
export function PodRules({ team, rules, onChange }: { team: readonly Rep[]; rules: readonly PodRule[]; onChange: (rules: PodRule[]) => void }) {
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [kind, setKind] = useState<PodRule['kind']>('together');
  const [error, setError] = useState('');
  const name = (id: string) => repName(team.find((rep) => rep.id === id)?.name ?? id);

  function add() {
    if (a === '' || b === '') return setError(t('pods_rulePickTwo'));
    if (a === b) return setError(t('pods_ruleSamePerson'));
    const same = rules.find((r) => (r.a === a && r.b === b) || (r.a === b && r.b === a));
    if (same && same.kind !== kind) return setError(t('pods_ruleConflict', name(a), name(b)));
    setError('');
    if (!same) onChange([...rules, { kind, a, b }]);
  }

  const select = (id: string, label: string, value: string, set: (v: string) => void) => (
    <div>
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => set(e.currentTarget.value)}>
        <option value="">{t('pods_choose')}</option>
        {team.map((rep) => (
          <option key={rep.id} value={rep.id}>
            {repName(rep.name)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <fieldset class="pods-q">
      <legend>{t('pods_rulesTitle')}</legend>
      <div class="row">
        {select('pods-rule-a', t('pods_ruleA'), a, setA)}
        <div>
          <label for="pods-rule-kind">{t('pods_ruleKind')}</label>
          <select id="pods-rule-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value === 'apart' ? 'apart' : 'together')}>
            <option value="together">{t('pods_keepTogether')}</option>
            <option value="apart">{t('pods_keepApart')}</option>
          </select>
        </div>
        {select('pods-rule-b', t('pods_ruleB'), b, setB)}
        <div>
          <button type="button" onClick={add}>
            {t('pods_ruleAdd')}
          </button>
        </div>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {rules.length > 0 && (
        <ul class="plain">
          {rules.map((rule, i) => {
            const text = t(rule.kind === 'together' ? 'pods_ruleTogetherText' : 'pods_ruleApartText', name(rule.a), name(rule.b));
            return (
              <li key={`${rule.a}-${rule.b}`} class="pods-member">
                <span>{text}</span>
                <button type="button" aria-label={t('pods_ruleRemoveNamed', text)} onClick={() => onChange(rules.filter((_, j) => j !== i))}>
                  {t('pods_ruleRemove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
