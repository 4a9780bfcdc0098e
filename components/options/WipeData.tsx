import { useState } from 'preact/hooks';
import { db } from '@/lib/db';
import { wipeAll } from '@/lib/backup/restore';
import { t } from '@/lib/i18n';
import { Field } from '../ui/Field';

/** Wiping takes two deliberate steps: open the confirmation, then type the word. */
export function WipeData() {
  const [asking, setAsking] = useState(false);
  const [typed, setTyped] = useState('');
  const [done, setDone] = useState(false);
  const word = t('wipe_word');

  async function wipe(e: Event) {
    e.preventDefault();
    if (typed.trim().toLowerCase() !== word.toLowerCase()) return;
    await wipeAll(db());
    setAsking(false);
    setTyped('');
    setDone(true);
  }

  return (
    <div>
      <h2>{t('wipe_title')}</h2>
      <p class="muted">{t('wipe_intro')}</p>
      {!asking ? (
        <button type="button" onClick={() => { setAsking(true); setDone(false); }}>{t('wipe_start')}</button>
      ) : (
        <form onSubmit={(e) => void wipe(e)} class="row">
          <Field id="wipe-word" label={t('wipe_confirmLabel', word)}>
            <input id="wipe-word" value={typed} autoFocus autoComplete="off" onInput={(e) => setTyped(e.currentTarget.value)} />
          </Field>
          <button type="submit" class="danger" disabled={typed.trim().toLowerCase() !== word.toLowerCase()}>{t('wipe_confirm')}</button>
          <button type="button" onClick={() => setAsking(false)}>{t('cancel')}</button>
        </form>
      )}
      {done && <p role="status">{t('wipe_done')}</p>}
    </div>
  );
}
