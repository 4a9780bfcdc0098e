import { useEffect, useState } from 'preact/hooks';
import { db, reminderSettings, saveReminderSettings } from '@/lib/db';
import { REMINDER_HOURS_MAX, REMINDER_HOURS_MIN, type ReminderSettings as Settings } from '@/lib/owners/run';
import { t } from '@/lib/i18n';

/** When the background reminds the owner: no update for N hours; waiting for confirmation M hours. */
export function ReminderSettings() {
  const [s, setS] = useState<Settings | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => void reminderSettings(db()).then(setS), []);
  if (!s) return null;
  const num = (key: keyof Settings) => (e: Event) => {
    setSaved(false);
    setS({ ...s, [key]: Number((e.currentTarget as HTMLInputElement).value) });
  };
  async function save(e: Event) {
    e.preventDefault();
    if (!s) return;
    await saveReminderSettings(db(), s);
    setS(await reminderSettings(db()));
    setSaved(true);
  }
  return (
    <form onSubmit={save} aria-labelledby="owner-reminders">
      <h2 id="owner-reminders">{t('owner_remindersTitle')}</h2>
      <div class="row">
        <div>
          <label for="owner-stale">{t('owner_staleHours')}</label>
          <input id="owner-stale" type="number" min={REMINDER_HOURS_MIN} max={REMINDER_HOURS_MAX} value={s.staleAfterHours} onInput={num('staleAfterHours')} />
        </div>
        <div>
          <label for="owner-confirm-wait">{t('owner_confirmWaitHours')}</label>
          <input id="owner-confirm-wait" type="number" min={REMINDER_HOURS_MIN} max={REMINDER_HOURS_MAX} value={s.confirmationWaitHours} onInput={num('confirmationWaitHours')} />
        </div>
      </div>
      <p>
        <button type="submit">{t('owner_save')}</button> <span role="status" class="muted">{saved ? t('owner_settingsSaved') : ''}</span>
      </p>
    </form>
  );
}
