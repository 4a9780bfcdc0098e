/**
 * The team server's address as the user typed it: https, or http only on this machine
 * (a token sent in the clear over a network is a token given away). No credentials, query
 * or fragment in it; the result has no trailing slash.
 */
export type ServerUrlCheck = { ok: true; url: string } | { ok: false; problem: 'not_url' | 'scheme' | 'insecure' | 'extra' };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function checkServerUrl(input: string): ServerUrlCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, problem: 'not_url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'scheme' };
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) return { ok: false, problem: 'insecure' };
  if (url.username || url.password || url.search || url.hash) return { ok: false, problem: 'extra' };
  return { ok: true, url: `${url.origin}${url.pathname}`.replace(/\/+$/, '') };
}
