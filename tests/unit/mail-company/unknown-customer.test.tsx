// @vitest-environment happy-dom
/** The dock's block for a page Holdfast does not know (components/dock/UnknownCustomer.tsx). */
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { UnknownCustomer } from '@/components/dock/UnknownCustomer';
import type { Request } from '@/components/dock/state';
import type { MailCompany } from '@/lib/messaging/protocol';
import type { PageSubject } from '@/lib/model/page-subject';

const info = { customer: null, openProblems: [], partners: [] };
const base = { info, onAddCustomer: () => {}, search: async () => [], onPick: () => {} };
const tick = () => new Promise((r) => setTimeout(r, 20));

const mail: PageSubject = {
  site: 'gmail', objectType: 'thread', recordId: 'FMfcgz1', name: 'Li Wei', emails: ['li.wei@qq.com'], domains: [],
  topic: '周报', messages: [{ from: 'li.wei@qq.com', fromName: 'Li Wei' }],
};

/** A request that answers the suggestion with `offer` and records every message sent. */
function fake(offer: MailCompany): { request: Request; sent: Array<{ name: string; data: unknown }> } {
  const sent: Array<{ name: string; data: unknown }> = [];
  const request = (async (def: { name: string }, data: unknown) => {
    sent.push({ name: def.name, data });
    return def.name === 'suggestMailCompany' ? offer : { customer: null, openProblems: [], partners: [] };
  }) as unknown as Request;
  return { request, sent };
}

describe('UnknownCustomer', () => {
  it('a CRM user page: says so, and offers nothing to add or pick', () => {
    const host = document.createElement('div');
    render(<UnknownCustomer {...base} subject={{ site: 'salesforce', objectType: 'User', recordId: '005Dn000002SamPIAA', name: 'Sam Partner', emails: [], domains: [] }} />, host);
    expect(host.textContent).toContain('not a customer');
    expect(host.querySelector('button, input')).toBeNull();
  });

  it('a public-mail sender with no customer named: no company button, never the person as a customer', async () => {
    const host = document.createElement('div');
    const { request } = fake({ person: { email: 'li.wei@qq.com', name: 'Li Wei' } });
    render(<UnknownCustomer {...base} subject={mail} request={request} />, host);
    await tick();
    expect(host.textContent).toContain('Li Wei writes from a public mail address');
    expect(host.querySelector('.primary')).toBeNull();
    expect(host.textContent).not.toContain('as a customer');
    expect(host.querySelector('input[type=search]')).not.toBeNull();
  });

  it('links to the named customer with the person as a contact, then has the dock look again', async () => {
    const host = document.createElement('div');
    const { request, sent } = fake({ match: { id: 'c1', name: 'Globex Ltd', why: 'name' }, person: { email: 'li.wei@qq.com', name: 'Li Wei' } });
    let changed = 0;
    render(<UnknownCustomer {...base} subject={mail} request={request} onChanged={() => changed++} />, host);
    await tick();
    expect(host.textContent).toContain('The mail names Globex Ltd, a customer you have.');
    const main = host.querySelector<HTMLButtonElement>('[data-act=linkCompany]')!;
    expect(main.textContent).toBe('Link to Globex Ltd');
    main.click();
    await tick();
    expect(sent.at(-1)).toEqual({ name: 'resolveMailCompany', data: { subject: mail, customerId: 'c1', contact: true, coach: false } });
    expect(changed).toBe(1);
  });
});

describe('UnknownCustomer, choosing by name on a mail page', () => {
  it('ties the chosen customer the same way, so the choice lasts beyond this thread', async () => {
    const host = document.createElement('div');
    const { request, sent } = fake({ domain: 'acme-corp.com', person: { email: 'maria@acme-corp.com', name: 'Maria' } });
    const search = async () => [{ id: 'c9', name: 'Acme Holdings' }];
    render(<UnknownCustomer {...base} search={search} subject={{ ...mail, emails: ['maria@acme-corp.com'], domains: ['acme-corp.com'] }} request={request} />, host);
    await tick();
    const input = host.querySelector<HTMLInputElement>('input[type=search]')!;
    input.value = 'Acme';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await tick();
    host.querySelector<HTMLButtonElement>('.results button')!.click();
    await tick();
    expect(sent.at(-1)).toMatchObject({ name: 'resolveMailCompany', data: { customerId: 'c9', contact: true, coach: false } });
  });
});
