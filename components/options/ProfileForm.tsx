import { useEffect, useState } from 'preact/hooks';
import * as z from 'zod/mini';
import { db, ensureMe } from '@/lib/db';
import { Rep } from '@/lib/model';
import { t } from '@/lib/i18n';
import { nowIso } from '@/lib/util/ids';
import { Field } from '../ui/Field';
import { repName } from '../ui/rep-name';

/** Who I am: the owner of every problem I log. */
export function ProfileForm() {
  const [me, setMe] = useState<Rep | null>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    void ensureMe(db()).then((rep) => {
      setMe(rep);
      // What the user typed while the profile was loading wins over what is stored.
      // The default name ('Me' as stored) in the reader's language: a Chinese profile reads 我.
      setName((typed) => typed || repName(rep.name));
      setEmail((typed) => typed || (rep.email ?? ''));
    });
  }, []);

  async function save(e: Event) {
    e.preventDefault();
    if (!me) return;
    const parsed = z.safeParse(Rep, { ...me, name: name.trim(), email: email.trim() || undefined, updatedAt: nowIso() });
    if (!parsed.success) {
      setMessage({ kind: 'error', text: t('invalidInput', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')) });
      return;
    }
    // Only what this form edits: the self-assessment may have written traits meanwhile. Me as
    // of now: connecting to a team server (Team sync) gives me the team's id.
    const current = await ensureMe(db());
    await db().reps.update(current.id, { name: parsed.data.name, email: parsed.data.email, updatedAt: parsed.data.updatedAt });
    setMe(parsed.data);
    setMessage({ kind: 'ok', text: t('saved') });
  }

  return (
    <form onSubmit={save} aria-labelledby="profile-h">
      <h2 id="profile-h">{t('profile')}</h2>
      <Field id="me-name" label={t('yourName')}>
        <input id="me-name" value={name} required maxLength={200} onInput={(e) => setName(e.currentTarget.value)} />
      </Field>
      <Field id="me-email" label={t('yourEmail')}>
        <input id="me-email" type="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
      </Field>
      <p>
        <button type="submit" class="primary">{t('save')}</button>
      </p>
      <p role="status" class={message?.kind === 'error' ? 'error' : 'muted'}>{message?.text}</p>
    </form>
  );
}
