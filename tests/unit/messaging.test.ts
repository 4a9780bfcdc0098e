import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { isOwnSender } from '@/lib/messaging';
import * as msg from '@/lib/messaging/protocol';

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
    for (const b of bad) expect(z.safeParse(msg.lookupSubject.request, b).success, JSON.stringify(b)).toBe(false);
    expect(z.safeParse(msg.lookupSubject.request, { site: 'generic', emails: ['a@acme.com'], domains: ['acme.com'] }).success).toBe(true);
  });

  it('refuses a reply the dock could not render', () => {
    const reply = { customer: { id: 'c1', name: 'Acme', domains: [], matchedBy: 'telepathy' }, openProblems: [], partners: [] };
    expect(z.safeParse(msg.lookupSubject.response, reply).success).toBe(false);
  });
});

describe('dispatch', () => {
  const subject = { site: 'generic', emails: ['a@acme.com'], domains: ['acme.com'] };

  it('answers our own contexts, refuses strangers and malformed requests', async () => {
    const { dispatch, handle } = await import('@/lib/messaging');
    const stop = handle(msg.searchCustomers, ({ query }) => [{ id: 'c1', name: `found ${query}` }]);
    try {
      expect(await dispatch({ hf: 'searchCustomers', data: { query: 'ac' } }, { id: 'own' }, 'own')).toEqual({ ok: true, data: [{ id: 'c1', name: 'found ac' }] });
      const foreign = await dispatch({ hf: 'searchCustomers', data: { query: 'ac' } }, { id: 'evil', url: 'https://evil.example/' }, 'own');
      expect(foreign).toMatchObject({ ok: false, error: expect.stringContaining('foreign sender') });
      const malformed = await dispatch({ hf: 'searchCustomers', data: { query: 42 } }, { id: 'own' }, 'own');
      expect(malformed).toMatchObject({ ok: false, error: expect.stringContaining('bad searchCustomers request') });
      // Not ours at all, or a message another context answers: no reply from here.
      expect(await dispatch({ type: 'something' }, { id: 'own' }, 'own')).toBeUndefined();
      expect(await dispatch({ hf: 'lookupSubject', data: subject }, { id: 'own' }, 'own')).toBeUndefined();
    } finally {
      stop();
    }
  });

  it('turns a handler failure into an error reply, not a hang', async () => {
    const { dispatch, handle } = await import('@/lib/messaging');
    const stop = handle(msg.lookupSubject, () => {
      throw new Error('database closed');
    });
    try {
      expect(await dispatch({ hf: 'lookupSubject', data: subject }, { id: 'own' }, 'own')).toEqual({ ok: false, error: 'database closed' });
    } finally {
      stop();
    }
  });
});
