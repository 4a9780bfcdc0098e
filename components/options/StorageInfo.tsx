import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';

/**
 * Asks the browser to keep Holdfast's data under storage pressure (navigator.storage.persist)
 * and says how much is used.
 */
export function StorageInfo() {
  const [info, setInfo] = useState<{ used: string; persisted: boolean } | null>(null);
  useEffect(() => {
    void (async () => {
      const persisted = (await navigator.storage?.persisted?.()) || (await navigator.storage?.persist?.()) || false;
      const estimate = await navigator.storage?.estimate?.();
      setInfo({ used: formatBytes(estimate?.usage ?? 0), persisted });
    })();
  }, []);
  if (!info) return null;
  return (
    <section aria-labelledby="storage-h">
      <h2 id="storage-h">{t('storage_title')}</h2>
      <p data-testid="storage-used">{t('storage_used', info.used)} {info.persisted ? t('storage_persisted') : t('storage_notPersisted')}</p>
    </section>
  );
}

function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${n.toFixed(i ? 1 : 0)} ${units[i]}`;
}
