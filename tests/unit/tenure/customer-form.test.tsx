// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NewCustomer } from '@/components/dock/NewCustomer';
import { TenurePanel } from '@/components/dock/TenurePanel';
import type { Request } from '@/components/dock/state';
import type { CustomerSummary, MessageDef } from '@/lib/messaging/protocol';
import type { PageSubject } from '@/lib/model/page-subject';

const REPS = [
  { id: 'r1', name: 'Dana Rep', me: true },
  { id: 'r2', name: 'Jane Rep', me: false },
];

/** A fake background: answers listReps, records every other message and answers it `reply`. */
function fakeRequest(reply: unknown = { ok: true, customerId: 'c1' }) {
  const sent: Array<{ name: string; data: unknown }> = [];
  const request = (async (def: MessageDef, data: unknown) => {
    if (def.name === 'listReps') return REPS;
    sent.push({ name: def.name, data });
    return reply;
  }) as unknown as Request;
  return { request, sent };
}

const summary: CustomerSummary = { id: 'c1', name: 'Acme Corp', domains: ['acme.com'], customerSince: '2019-03-14', ownerRepId: 'r1', ownerName: 'Dana Rep', matchedBy: 'crm' };

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
});

const tick = () => new Promise((r) => setTimeout(r, 0));
async function settle() {
  for (let i = 0; i < 5; i++) await tick();
}
function mount(node: preact.ComponentChild) {
  host = document.createElement('div');
  document.body.append(host);
  render(node, host);
  return host;
}
function type(el: Element | null, value: string) {
  const input = el as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('capture from the page in the tenure panel', () => {
  it('offers what the page states and saves it with one click', async () => {
    const { request, sent } = fakeRequest();
    const onChanged = vi.fn();
    const root = mount(<TenurePanel customer={summary} fields={{ customerSince: '2019-04-02', website: 'acme-corp.com', ownerName: 'Jane Rep' }} request={request} onChanged={onChanged} />);
    await settle();
    expect([...root.querySelectorAll('[data-capture]')].map((li) => text(li.querySelector('span')))).toEqual([
      'The page says customer since Apr 2, 2019',
      'The page says website acme-corp.com',
      'The page says owner Jane Rep',
    ]);
    const save = root.querySelector<HTMLButtonElement>('[data-capture=customerSince] button')!;
    expect([save.textContent, save.getAttribute('aria-label')]).toEqual(['Save', 'Save to the customer: The page says customer since Apr 2, 2019']);
    save.click();
    await settle();
    expect(sent).toEqual([{ name: 'editCustomer', data: { customerId: 'c1', edit: { customerSince: '2019-04-02', sinceSource: 'crm' } } }]);
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(text(root.querySelector('[data-testid=tenure-owner]'))).toBe('Owner: Dana Rep');
  });

  it('shows the background’s refusal in words', async () => {
    const { request } = fakeRequest({ ok: false, problems: [{ field: 'customerSince', code: 'since_future' }] });
    const root = mount(<TenurePanel customer={summary} fields={{ customerSince: '2019-04-02' }} request={request} />);
    await settle();
    root.querySelector<HTMLButtonElement>('[data-capture=customerSince] button')!.click();
    await settle();
    expect(text(root.querySelector('.t-capture [role=alert]'))).toBe('Customer since cannot be in the future.');
  });

  it('is read-only without a way to send', () => {
    const root = mount(<TenurePanel customer={{ ...summary, ownerName: undefined }} fields={{ customerSince: '2019-04-02' }} />);
    expect(root.querySelector('[data-capture]')).toBeNull();
    expect(root.querySelector('[data-testid=tenure-edit]')).toBeNull();
    expect(text(root.querySelector('[data-testid=tenure-owner]'))).toBe('No owner recorded');
  });
});

describe('editing in the panel', () => {
  async function openForm(reply?: unknown) {
    const fake = fakeRequest(reply);
    const onChanged = vi.fn();
    const root = mount(<TenurePanel customer={summary} request={fake.request} onChanged={onChanged} />);
    root.querySelector<HTMLButtonElement>('[data-testid=tenure-edit]')!.click();
    await settle();
    const form = root.querySelector<HTMLFormElement>('[data-testid=customer-form]')!;
    return { ...fake, root, form, onChanged, field: (k: string) => form.querySelector<HTMLInputElement>(`#holdfast-cf-${k}`)! };
  }

  it('opens filled in, focused on the name, and saves only what changed', async () => {
    const { form, field, sent, onChanged, root } = await openForm();
    expect([field('name').value, field('domains').value, field('customerSince').value, field('renewalDate').value, field('ownerRepId').value]).toEqual(['Acme Corp', 'acme.com', '2019-03-14', '', 'r1']);
    expect(document.activeElement).toBe(field('name'));
    expect([...field('ownerRepId').querySelectorAll('option')].map((o) => o.textContent)).toEqual(['— nobody —', 'Dana Rep (me)', 'Jane Rep']);
    type(field('domains'), 'acme.com, https://www.acme-corp.com/about');
    type(field('renewalDate'), '2027-01-15');
    field('ownerRepId').value = 'r2';
    field('ownerRepId').dispatchEvent(new Event('change', { bubbles: true }));
    form.requestSubmit();
    await settle();
    expect(sent).toEqual([{ name: 'editCustomer', data: { customerId: 'c1', edit: { domains: ['acme.com', 'acme-corp.com'], renewalDate: '2027-01-15', ownerRepId: 'r2' } } }]);
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(root.querySelector('[data-testid=customer-form]')).toBeNull();
  });

  it('says what is wrong beside each field and sends nothing', async () => {
    const { form, field, sent } = await openForm();
    type(field('name'), '   ');
    type(field('domains'), 'acme.com, not a domain');
    type(field('customerSince'), '2099-01-01');
    form.requestSubmit();
    await settle();
    expect(sent).toEqual([]);
    expect(text(form.querySelector('[role=alert]'))).toBe('Not saved: correct the fields marked below.');
    expect(Object.fromEntries([...form.querySelectorAll('[data-error]')].map((e) => [e.getAttribute('data-error'), text(e)]))).toEqual({
      name: 'Enter the customer’s name.',
      domains: '“not” is not a domain: write it like acme.com.',
      customerSince: 'Customer since cannot be in the future.',
    });
    expect(field('name').getAttribute('aria-invalid')).toBe('true');
    expect(field('name').getAttribute('aria-describedby')).toBe('holdfast-cf-name-error');
    expect(document.activeElement).toBe(field('name'));
  });

  it('clears a date emptied by the rep', async () => {
    const { form, field, sent } = await openForm();
    type(field('customerSince'), '');
    form.requestSubmit();
    await settle();
    expect(sent).toEqual([{ name: 'editCustomer', data: { customerId: 'c1', edit: { customerSince: null } } }]);
  });

  it('Escape cancels the form without reaching the dock (which would close); Enter on the owner list saves', async () => {
    const { form, field, sent, root } = await openForm();
    field('ownerRepId').value = '';
    field('ownerRepId').dispatchEvent(new Event('change', { bubbles: true }));
    field('ownerRepId').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settle();
    expect(sent).toEqual([{ name: 'editCustomer', data: { customerId: 'c1', edit: { ownerRepId: null } } }]);
    root.querySelector<HTMLButtonElement>('[data-testid=tenure-edit]')!.click();
    await settle();
    const again = root.querySelector('[data-testid=customer-form] input')!;
    const dock = vi.fn();
    host.addEventListener('keydown', dock);
    again.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settle();
    expect(root.querySelector('[data-testid=customer-form]')).toBeNull();
    expect(dock).not.toHaveBeenCalled();
    expect(form.isConnected).toBe(false);
  });
});

describe('a new customer from an unknown page', () => {
  const page: PageSubject = {
    site: 'hubspot', objectType: 'company', recordId: '18213999001', tenant: '26555111', name: 'Acme Corp', emails: [], domains: ['acme-corp.com'],
    fields: { customerSince: '2019-04-02', website: 'acme-corp.eu', ownerName: 'jane rep' },
  };

  it('is prefilled from the page, owner included, and created with the page', async () => {
    const { request, sent } = fakeRequest();
    const onChanged = vi.fn();
    const root = mount(<NewCustomer subject={page} request={request} onChanged={onChanged} />);
    root.querySelector<HTMLButtonElement>('[data-testid=tenure-new]')!.click();
    await settle();
    const f = (k: string) => root.querySelector<HTMLInputElement>(`#holdfast-cf-${k}`)!;
    expect([f('name').value, f('domains').value, f('customerSince').value, f('renewalDate').value, f('ownerRepId').value]).toEqual(['Acme Corp', 'acme-corp.com, acme-corp.eu', '2019-04-02', '', 'r2']);
    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await settle();
    expect(sent).toEqual([{ name: 'createCustomer', data: { subject: page, edit: { name: 'Acme Corp', domains: ['acme-corp.com', 'acme-corp.eu'], customerSince: '2019-04-02', ownerRepId: 'r2' } } }]);
    expect(onChanged).toHaveBeenCalledTimes(1);
  });
});
