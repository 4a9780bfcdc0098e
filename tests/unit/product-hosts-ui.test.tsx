// @vitest-environment happy-dom
/** Options → Sites → company hosts of a known product: what the user types, grants and removes. */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ProductHosts } from '@/components/options/ProductHosts';
import { PRODUCT_HOSTS_KEY, readProductHosts } from '@/lib/sites/product-hosts';

const CORP = 'https://crm.example-corp.cn/*';
let host: HTMLElement;
let granted: string[];
const request = vi.fn<(p: { origins?: string[] }) => Promise<boolean>>();
const remove = vi.fn<(p: { origins?: string[] }) => Promise<boolean>>();

const tick = () => new Promise((r) => setTimeout(r, 20));
const text = () => host.textContent ?? '';

async function submit(product: string, value: string) {
  const select = host.querySelector<HTMLSelectElement>('#product-host-product')!;
  select.value = product;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  const input = host.querySelector<HTMLInputElement>('#product-host')!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await tick();
  host.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  await tick();
}

/** A browser event the page can listen to, fired by the fake permissions below. */
function event() {
  const listeners = new Set<() => void>();
  return { addListener: (f: () => void) => listeners.add(f), removeListener: (f: () => void) => listeners.delete(f), fire: () => listeners.forEach((f) => f()) };
}

beforeEach(async () => {
  granted = [];
  const onAdded = event();
  const onRemoved = event();
  request.mockReset();
  remove.mockReset();
  Object.assign(fakeBrowser.permissions, {
    onAdded,
    onRemoved,
    getAll: async () => ({ origins: [...granted], permissions: [] }),
    request: async (p: { origins?: string[] }) => {
      const ok = await request(p);
      if (ok) granted.push(...(p.origins ?? []));
      if (ok) onAdded.fire();
      return ok;
    },
    remove: async (p: { origins?: string[] }) => {
      granted = granted.filter((o) => !p.origins?.includes(o));
      onRemoved.fire();
      return remove(p);
    },
  });
  host = document.createElement('div');
  document.body.append(host);
  render(<ProductHosts />, host);
  await tick();
});

afterEach(() => {
  render(null, host);
  host.remove();
});

describe('company hosts of a known product', () => {
  it('starts empty and offers the products that can run on a company host', () => {
    expect(text()).toContain('No company hosts yet.');
    const options = [...host.querySelectorAll('option')].map((o) => o.textContent);
    expect(options).toEqual(['Dynamics 365', 'Outlook on the web']);
  });

  it('adds a host for Dynamics: asks for that one origin, stores the mapping, lists it', async () => {
    request.mockResolvedValue(true);
    await submit('dynamics', 'https://crm.example-corp.cn/Contoso/main.aspx');
    expect(request).toHaveBeenCalledWith({ origins: [CORP] });
    expect(await readProductHosts()).toEqual([{ product: 'dynamics', origin: CORP }]);
    expect(text()).toContain('crm.example-corp.cn — Dynamics 365');
    expect(text()).not.toContain('no access granted');
    expect(host.querySelector<HTMLInputElement>('#product-host')!.value).toBe('');
  });

  it('forgets the mapping when the browser does not grant access', async () => {
    request.mockResolvedValue(false);
    await submit('outlook', 'mail.example-corp.cn');
    expect((await fakeBrowser.storage.local.get(PRODUCT_HOSTS_KEY))[PRODUCT_HOSTS_KEY]).toEqual([]);
    expect(host.querySelector('[role="alert"]')?.textContent).toBe('The browser did not grant access to mail.example-corp.cn.');
  });

  it('refuses what is not an https host, and a product’s own address', async () => {
    await submit('dynamics', 'http://crm.example-corp.cn');
    expect(host.querySelector('[role="alert"]')?.textContent).toBe('“http://crm.example-corp.cn” is not an https address.');
    await submit('dynamics', 'https://outlook.office.com/mail/');
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('outlook.office.com is already a product address');
    expect(request).not.toHaveBeenCalled();
  });

  it('removes a host and gives its access back', async () => {
    request.mockResolvedValue(true);
    remove.mockResolvedValue(true);
    await submit('outlook', 'https://mail.example-corp.cn');
    host.querySelector<HTMLButtonElement>('button[aria-label="Remove mail.example-corp.cn"]')!.click();
    await tick();
    expect(await readProductHosts()).toEqual([]);
    expect(remove).toHaveBeenCalledWith({ origins: ['https://mail.example-corp.cn/*'] });
    expect(text()).toContain('No company hosts yet.');
  });
});
