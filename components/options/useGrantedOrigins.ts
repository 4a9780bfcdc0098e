import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

/** Granted host patterns, kept current as the user (or the browser's own UI) changes them. */
export function useGrantedOrigins(): string[] {
  const [origins, setOrigins] = useState<string[]>([]);
  useEffect(() => {
    const read = () => void browser.permissions.getAll().then((p) => setOrigins(p.origins ?? []));
    read();
    browser.permissions.onAdded.addListener(read);
    browser.permissions.onRemoved.addListener(read);
    return () => {
      browser.permissions.onAdded.removeListener(read);
      browser.permissions.onRemoved.removeListener(read);
    };
  }, []);
  return origins;
}
