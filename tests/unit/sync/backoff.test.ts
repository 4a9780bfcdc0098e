import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from '@/lib/sync/backoff';
import { parseRetryAfter } from '@/lib/sync/http';
import { checkServerUrl } from '@/lib/sync/server-url';

describe('backoff', () => {
  it('doubles from 2 s to the 5 min cap, each step between half and all of it', () => {
    const low = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => backoffDelay(n, () => 0));
    const high = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => backoffDelay(n, () => 1));
    expect(high).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000]);
    expect(low).toEqual(high.map((h) => h / 2));
    expect(backoffDelay(1000, () => 1)).toBe(DEFAULT_BACKOFF.capMs);
  });

  it('spreads clients that failed together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(5, Math.random)));
    expect(delays.size).toBeGreaterThan(40);
  });

  it('waits at least as long as the server asked', () => {
    expect(backoffDelay(1, () => 0, 90_000)).toBe(90_000);
    expect(backoffDelay(6, () => 1, 1_000)).toBe(64_000);
  });

  it('reads Retry-After as seconds or a date, and does not believe an absurd one', () => {
    const now = Date.parse('2026-11-28T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sat, 28 Nov 2026 10:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('999999', now)).toBe(3_600_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('server address', () => {
  it('takes https anywhere and http only on this machine', () => {
    expect(checkServerUrl(' https://sync.acme.com/holdfast/ ')).toEqual({ ok: true, url: 'https://sync.acme.com/holdfast' });
    expect(checkServerUrl('http://localhost:8787')).toEqual({ ok: true, url: 'http://localhost:8787' });
    expect(checkServerUrl('http://127.0.0.1:8787/')).toEqual({ ok: true, url: 'http://127.0.0.1:8787' });
    expect(checkServerUrl('http://[::1]:8787')).toMatchObject({ ok: true });
    expect(checkServerUrl('http://sync.acme.com')).toEqual({ ok: false, problem: 'insecure' });
    expect(checkServerUrl('http://127.0.0.1.evil.com')).toEqual({ ok: false, problem: 'insecure' });
    expect(checkServerUrl('ftp://sync.acme.com')).toEqual({ ok: false, problem: 'scheme' });
    expect(checkServerUrl('sync.acme.com')).toEqual({ ok: false, problem: 'not_url' });
    expect(checkServerUrl('https://user:pw@sync.acme.com')).toEqual({ ok: false, problem: 'extra' });
    expect(checkServerUrl('https://sync.acme.com/?token=x')).toEqual({ ok: false, problem: 'extra' });
  });
});
