/**
 * Cheap text helpers shared by the generic adapter (and usable by product adapters).
 * They read `textContent`/attributes only: never `innerText`, which forces a layout.
 */

const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}/g;

/** Providers whose domain says nothing about which company a person works for. */
export const FREE_MAIL = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com',
  'icloud.com', 'me.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.com', 'gmx.de', 'qq.com',
  '163.com', '126.com', 'yeah.net', 'sina.com', 'foxmail.com', 'yandex.ru', 'mail.ru',
]);

export function emailsIn(text: string, limit = 50): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(EMAIL_RE)) {
    out.add(m[0].toLowerCase());
    if (out.size >= limit) break;
  }
  return [...out];
}

/** Company domains of a list of emails, free-mail providers left out. */
export function companyDomains(emails: readonly string[]): string[] {
  const out = new Set<string>();
  for (const e of emails) {
    const d = e.slice(e.lastIndexOf('@') + 1).toLowerCase();
    if (d && !FREE_MAIL.has(d)) out.add(d);
  }
  return [...out];
}

/** "Acme Corp | Account | Salesforce" → "Acme Corp": the first segment of a page title. */
export function nameFromTitle(title: string): string | undefined {
  const first = title.split(/\s[|–—-]\s/)[0]?.trim();
  return first ? first.slice(0, 200) : undefined;
}
