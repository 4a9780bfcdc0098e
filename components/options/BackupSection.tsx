import { useState } from 'preact/hooks';
import { db, fromRow } from '@/lib/db';
import { backupFileName, exportBackup } from '@/lib/backup/export';
import { parseBackup, restoreBackup } from '@/lib/backup/restore';
import { customersCsv, problemsCsv } from '@/lib/backup/csv';
import { t } from '@/lib/i18n';
import { downloadText } from '../ui/download';
import { Field } from '../ui/Field';
import { WipeData } from './WipeData';

/** Back up everything to one file, restore it, export spreadsheets, or wipe the device. */
export function BackupSection() {
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const today = new Date().toISOString().slice(0, 10);

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setMessage(null);
    try {
      await work();
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  }

  const exportJson = () => run(async () => downloadText(backupFileName(), JSON.stringify(await exportBackup(db()), null, 1), 'application/json'));
  const exportCustomers = () =>
    run(async () => downloadText(`holdfast-customers-${today}.csv`, customersCsv((await db().customers.toArray()).map(fromRow)), 'text/csv'));
  const exportProblems = () =>
    run(async () => {
      const d = db();
      const [problems, customers, reps] = await Promise.all([d.problems.toArray(), d.customers.toArray(), d.reps.toArray()]);
      const csv = problemsCsv(problems, new Map(customers.map((c) => [c.id, c.name])), new Map(reps.map((r) => [r.id, r.name])));
      downloadText(`holdfast-problems-${today}.csv`, csv, 'text/csv');
    });

  const restore = (file: File | undefined) =>
    run(async () => {
      if (!file) return;
      const parsed = parseBackup(await file.text());
      if (!parsed.ok) {
        setMessage({ kind: 'error', text: t('backup_refused', parsed.reason) });
        return;
      }
      const r = await restoreBackup(db(), parsed.backup);
      const text = t('backup_restored', r.added, r.updated, r.keptNewer);
      setMessage({ kind: 'ok', text: r.clamped ? `${text} ${t('backup_clamped', r.clamped)}` : text });
    });

  return (
    <section aria-labelledby="backup-h">
      <h2 id="backup-h">{t('backup_title')}</h2>
      <p class="muted">{t('backup_intro')}</p>
      <p class="row">
        <button type="button" class="primary" disabled={busy} onClick={() => void exportJson()}>{t('backup_export')}</button>
        <button type="button" disabled={busy} onClick={() => void exportCustomers()}>{t('backup_exportCustomers')}</button>
        <button type="button" disabled={busy} onClick={() => void exportProblems()}>{t('backup_exportProblems')}</button>
      </p>
      <Field id="restore-file" label={t('backup_restoreLabel')}>
        <input id="restore-file" type="file" accept="application/json,.json" disabled={busy} onChange={(e) => void restore(e.currentTarget.files?.[0])} />
      </Field>
      <p role="status" data-testid="backup-status" class={message?.kind === 'error' ? 'error' : 'muted'}>
        {busy ? t('backup_working') : message?.text}
      </p>
      <WipeData />
    </section>
  );
}
