import { describe, expect, it } from 'vitest';
import { isPersonPage, personOnPage, sameName } from '@/lib/coaches';

describe('the person on a page', () => {
  it('on mail: the latest sender who is not the rep', () => {
    const s = {
      site: 'gmail',
      objectType: 'thread',
      emails: ['maria@acme.com', 'tom@acme.com'],
      domains: ['acme.com'],
      messages: [
        { from: 'maria@acme.com', fromName: 'Maria Lopez' },
        { from: 'tom@acme.com', fromName: 'Tom Becker' },
        { from: 'jane@holdfast-demo.com', fromName: 'Jane Rep' }, // the rep's own reply
      ],
    };
    expect(personOnPage(s)).toEqual({ email: 'tom@acme.com', name: 'Tom Becker' });
  });

  it('on a CRM contact page the contact; on an account page an address without a name; none on lists', () => {
    expect(personOnPage({ site: 'hubspot', objectType: 'contact', name: 'Maria Lopez', emails: ['maria@acme.com'], domains: [] })).toEqual({ email: 'maria@acme.com', name: 'Maria Lopez' });
    expect(personOnPage({ site: 'salesforce', objectType: 'Account', name: 'Acme Corp', emails: ['ap@acme.com'], domains: [] })).toEqual({ email: 'ap@acme.com' });
    expect(personOnPage({ site: 'gmail', objectType: 'list', emails: ['a@b.com'], domains: [] })).toBeNull();
    expect(['Contact', 'contact', 'person', 'Contacts', 'lead'].every((t) => isPersonPage({ objectType: t }))).toBe(true);
    expect(isPersonPage({ objectType: 'Account' })).toBe(false);
  });

  it('names match whatever the order, case and spacing', () => {
    expect(sameName('Wang Fang', 'fang  WANG')).toBe(true);
    expect(sameName('Wang Fang', 'Wang Fan')).toBe(false);
    expect(sameName(undefined, 'Wang Fang')).toBe(false);
  });
});
