import { db, removeTeachRule, saveTeachRule, allTeachRules } from '@/lib/db';
import type { TeachRule } from '@/lib/model';
import { t } from '@/lib/i18n';
import { useLive } from '../ui/useLive';

/** The rules taught on in-house CRM pages: read, edit the page pattern, remove. */
export function TeachRules() {
  const rules = useLive(() => allTeachRules(db()), [], [] as TeachRule[]);
  return (
    <div>
      <h2>{t('teachRules')}</h2>
      {rules.length ? (
        <ul class="plain" data-testid="teach-rules">
          {rules.map((r) => (
            <li key={r.id}>
              <strong>{r.host}</strong> · {t(`teachField_${r.field}`)} · <code>{r.selector}</code>
              <div class="row">
                <label class="inline">
                  {t('teachRulePath')}{' '}
                  <input
                    value={r.pathPattern}
                    aria-label={`${t('teachRulePath')} ${r.host}`}
                    onChange={(e) => {
                      const pathPattern = e.currentTarget.value.trim();
                      if (pathPattern.startsWith('/')) void saveTeachRule(db(), { ...r, pathPattern });
                    }}
                  />
                </label>
                <button type="button" onClick={() => void removeTeachRule(db(), r.id)}>{t('remove')}</button>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('teachRulesNone')}</p>
      )}
    </div>
  );
}
