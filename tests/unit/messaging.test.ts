import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { isOwnSender } from '@/lib/messaging';
import { protocol } from '@/lib/messaging/protocol';

describe('message protocol', () => {
  it('accepts only this extension as a sender', () => {
    expect(isOwnSender({ id: 'own' }, 'own')).toBe(true);
    expect(isOwnSender({ id: 'other-extension' }, 'own')).toBe(false);
    expect(isOwnSender({ url: 'https://evil.example/' }, 'own')).toBe(false);
    expect(isOwnSender({}, '')).toBe(false);
  });

  it('refuses a page subject that is not one', () => {
    const bad = [
      null,
      { site: 'generic' },
      { site: 'generic', emails: ['not an email'], domains: [] },
      { site: 'generic', emails: [], domains: ['UPPER.COM'] },
      { site: '', emails: [], domains: [] },
      { site: 'generic', emails: [], domains: [], name: 'x'.repeat(201) },
    ];
    for (const b of bad) expect(z.safeParse(protocol.lookupSubject.request, b).success, JSON.stringify(b)).toBe(false);
    expect(z.safeParse(protocol.lookupSubject.request, { site: 'generic', emails: ['a@acme.com'], domains: ['acme.com'] }).success).toBe(true);
  });

  it('refuses a reply the dock could not render', () => {
    const reply = { customer: { id: 'c1', name: 'Acme', domains: [], matchedBy: 'telepathy' }, openProblems: [], partners: [] };
    expect(z.safeParse(protocol.lookupSubject.response, reply).success).toBe(false);
  });
});
