import { describe, expect, it } from 'vitest';
import { headingId, routeFromHash } from '../../../components/options/sections';
import { setupState } from '../../../components/options/setup-steps';

describe('options routes', () => {
  it('opens the section a hash names, focused on its heading', () => {
    expect(routeFromHash('#sites')).toEqual({ section: 'sites', focusId: headingId('sites') });
    expect(routeFromHash('#LEAD')).toEqual({ section: 'lead', focusId: 'section-lead-h' });
    expect(routeFromHash('#sync').focusId).toBe('sync-h');
  });
  it('opens an anchor inside its section', () => {
    expect(routeFromHash('#profile')).toEqual({ section: 'me', focusId: 'profile-h' });
    expect(routeFromHash('#import')).toEqual({ section: 'data', focusId: 'import-h' });
  });
  it('falls back to Me for no hash or an unknown one', () => {
    expect(routeFromHash('').section).toBe('me');
    expect(routeFromHash('#nope').section).toBe('me');
    expect(routeFromHash('#constructor').section).toBe('me');
  });
});

describe('first-run steps', () => {
  const none = { granted: [], me: undefined, customers: 0 };
  it('nothing done on a fresh install (the default profile has no email)', () => {
    expect(setupState({ ...none, me: { name: 'Me' } })).toMatchObject({ sites: false, profile: false, customers: false, done: 0, complete: false });
  });
  it('a product or an in-house CRM counts as a site; the any-https permission alone does not', () => {
    expect(setupState({ ...none, granted: ['https://mail.google.com/*'] }).sites).toBe(true);
    expect(setupState({ ...none, granted: ['https://crm.acme.internal/*'] }).sites).toBe(true);
    expect(setupState({ ...none, granted: ['https://*/*'] }).sites).toBe(false);
  });
  it('the profile needs a name and an email', () => {
    expect(setupState({ ...none, me: { name: 'Ana', email: ' ' } }).profile).toBe(false);
    expect(setupState({ ...none, me: { name: ' ', email: 'ana@x.com' } }).profile).toBe(false);
    expect(setupState({ ...none, me: { name: 'Ana', email: 'ana@x.com' } }).profile).toBe(true);
  });
  it('complete when all three are done', () => {
    expect(setupState({ granted: ['https://*.pipedrive.com/*'], me: { name: 'Ana', email: 'ana@x.com' }, customers: 1 })).toMatchObject({ done: 3, complete: true });
  });
});
