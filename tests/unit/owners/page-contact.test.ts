// Who "Customer confirmed on this call" is prefilled with (lib/owners/page-contact.ts).
import { describe, expect, it } from 'vitest';
import { pageContactName } from '../../../lib/owners/page-contact';

describe('pageContactName', () => {
  it('takes the person a contact, lead or person page is about', () => {
    for (const objectType of ['Contact', 'contact', 'Contacts', 'Lead', 'person']) {
      expect(pageContactName({ objectType, name: 'Dana Fox' }, [], 'Someone Else')).toBe('Dana Fox');
    }
  });

  it('does not take an account or deal name for a person: the customer\'s contact instead', () => {
    expect(pageContactName({ objectType: 'Account', name: 'Acme Corp' }, ['acme.com'], 'Dana Fox')).toBe('Dana Fox');
    expect(pageContactName({ objectType: 'deal', name: 'Acme renewal' }, ['acme.com'])).toBeUndefined();
  });

  it('takes the latest sender from the customer\'s domains in a mail thread, not the rep\'s own reply', () => {
    const messages = [
      { from: 'maria.lopez@mail.acme.com', fromName: 'Maria Lopez' },
      { from: 'me@holdfast.test', fromName: 'Me' },
    ];
    expect(pageContactName({ objectType: 'thread', name: 'Renewal', messages }, ['acme.com'], 'Dana Fox')).toBe('Maria Lopez');
    expect(pageContactName({ objectType: 'thread', messages }, ['globex.test'], 'Dana Fox')).toBe('Dana Fox');
  });

  it('is nothing when nothing is known', () => {
    expect(pageContactName(undefined, [])).toBeUndefined();
    expect(pageContactName({ objectType: 'Account', name: 'Acme Corp' }, [], '  ')).toBeUndefined();
  });
});
