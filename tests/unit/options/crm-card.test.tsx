// @vitest-environment happy-dom
/**
 * Options → Connect CRM, one card (issue 16): the permission is asked in the submit itself
 * (the browser prompts only within a user gesture), for that one org's host, before anything
 * goes to the background; a bad address asks nothing; a background that does not answer or a
 * declined prompt is said plainly.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CrmCard } from '@/components/options/crm/CrmCard';
import type { CrmStatus } from '@/lib/crm/state';
import type { CrmProduct } from '@/lib/crm/types';

let host: HTMLElement;
const request = vi.fn<(p: unknown) => Promise<boolean>>();
const sendMessage = vi.fn<(m: { hf: string; data: unknown }) => Promise<unknown>>();
const onStatuses = vi.fn<(s: CrmStatus[]) => void>();
const tick = () => new Promise((r) => setTimeout(r, 20));
const $ = <T extends Element>(sel: string) => host.querySelector<T>(sel);

const STATUS: CrmStatus = { product: 'salesforce', apiHost: 'acme.my.salesforce.com', tenant: 'acme', share: 'me', connectedAt: '2026-12-03T22:00:00.000Z' };

beforeEach(() => {
  request.mockReset();
  sendMessage.mockReset();
  onStatuses.mockReset();
  Object.assign(fakeBrowser.permissions, { request });
  const real = (globalThis as { chrome?: object }).chrome ?? {};
  vi.stubGlobal('chrome', { ...real, i18n: fakeBrowser.i18n, runtime: { id: 'holdfast', sendMessage, onMessage: fakeBrowser.runtime.onMessage } });
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
  vi.unstubAllGlobals();
});

function card(product: CrmProduct, status?: CrmStatus) {
  render(<CrmCard product={product} status={status} proposed={undefined} now={Date.now()} onStatuses={onStatuses} refresh={() => undefined} />, host);
}

async function type(sel: string, value: string) {
  const input = $<HTMLInputElement>(sel)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await tick();
}
const submit = () => $('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));

describe('Connect', () => {
  it('asks the browser in the submit itself, for the org’s API host and cookies, then hands over to the background', async () => {
    request.mockResolvedValue(true);
    sendMessage.mockResolvedValue({ ok: true, data: { ok: true, status: STATUS } });
    card('salesforce');
    await type('#crm-salesforce-address', 'https://acme.lightning.force.com/lightning/page/home');
    submit();
    // Synchronously: no await between the gesture and the request.
    expect(request).toHaveBeenCalledWith({ permissions: ['cookies'], origins: ['https://acme.my.salesforce.com/*'] });
    expect(sendMessage).not.toHaveBeenCalled();
    await tick();
    expect(sendMessage).toHaveBeenCalledWith({ hf: 'crmConnect', data: { product: 'salesforce', share: 'me', address: 'https://acme.lightning.force.com/lightning/page/home' } });
    expect(onStatuses).toHaveBeenCalledWith([STATUS]);
  });

  it('a bad address is said under the field, described to it, and nothing is asked', async () => {
    card('dynamics');
    await type('#crm-dynamics-address', 'https://contoso.example.com');
    submit();
    await tick();
    expect(request).not.toHaveBeenCalled();
    const error = $('#crm-dynamics-address-error')!;
    expect(error.textContent).toBe('That is not a Dynamics 365 address. It looks like https://contoso.crm4.dynamics.com.');
    expect($('#crm-dynamics-address')!.getAttribute('aria-describedby')).toContain('crm-dynamics-address-error');
    expect($('#crm-dynamics-address')!.getAttribute('aria-invalid')).toBe('true');
  });

  it('HubSpot: the token goes to the background, only api.hubapi.com is asked for', async () => {
    request.mockResolvedValue(true);
    sendMessage.mockResolvedValue({ ok: true, data: { ok: false, code: 'bad_token', detail: '401 Authentication credentials not found.' } });
    card('hubspot');
    await type('#crm-hubspot-token', '  pat-eu1-abc  ');
    submit();
    expect(request).toHaveBeenCalledWith({ permissions: [], origins: ['https://api.hubapi.com/*'] });
    await tick();
    expect(sendMessage.mock.calls[0]![0].data).toEqual({ product: 'hubspot', share: 'me', token: 'pat-eu1-abc' });
    const alert = $('[data-testid=crm-error]')!;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.querySelector('p')!.textContent).toBe('HubSpot did not accept the access token: it is wrong, revoked or expired. Paste a new one and connect again.');
    expect(alert.querySelector('details code')!.textContent).toBe('401 Authentication credentials not found.');
  });

  it('a declined prompt sends nothing and says so', async () => {
    request.mockResolvedValue(false);
    card('pipedrive');
    await type('#crm-pipedrive-address', 'acme.pipedrive.com');
    await type('#crm-pipedrive-token', 'abc123');
    submit();
    expect(request).toHaveBeenCalledWith({ permissions: [], origins: ['https://acme.pipedrive.com/*'] });
    await tick();
    expect(sendMessage).not.toHaveBeenCalled();
    expect($('[data-testid=crm-error]')!.textContent).toBe('The browser did not give Holdfast access, so Pipedrive was not connected. Press Connect again and choose Allow.');
  });

  it('a background that does not answer leaves the form, says so, and keeps its words under Details', async () => {
    request.mockResolvedValue(true);
    sendMessage.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    card('salesforce');
    await type('#crm-salesforce-address', 'acme');
    submit();
    await tick();
    expect($('[data-testid=crm-error] p')!.textContent).toBe('Holdfast’s background did not answer, so nothing happened. Try again in a moment.');
    expect($('[data-testid=crm-error] code')!.textContent).toBe('Could not establish connection. Receiving end does not exist.');
    expect($<HTMLButtonElement>('button[type=submit]')!.disabled).toBe(false);
  });
});

describe('Connected', () => {
  it('Sync now after access was taken back asks the browser again, in the click, then syncs', async () => {
    request.mockResolvedValue(true);
    sendMessage.mockResolvedValue({ ok: true, data: [STATUS] });
    card('salesforce', { ...STATUS, lastError: { code: 'no_permission', detail: 'cookies permission not granted', at: STATUS.connectedAt } });
    expect($('[data-testid=crm-error] p')!.textContent).toBe('The browser has not given Holdfast permission to read Salesforce. Try again, and choose Allow when the browser asks.');
    [...host.querySelectorAll('button')].find((b) => b.textContent === 'Sync now')!.click();
    expect(request).toHaveBeenCalledWith({ permissions: ['cookies'], origins: ['https://acme.my.salesforce.com/*'] });
    await tick();
    expect(sendMessage).toHaveBeenCalledWith({ hf: 'crmSyncNow', data: { product: 'salesforce' } });
  });

  it('Sync now otherwise asks the browser nothing', async () => {
    sendMessage.mockResolvedValue({ ok: true, data: [STATUS] });
    card('salesforce', { ...STATUS, lastError: { code: 'signed_out', detail: 'INVALID_SESSION_ID', at: STATUS.connectedAt } });
    [...host.querySelectorAll('button')].find((b) => b.textContent === 'Sync now')!.click();
    await tick();
    expect(request).not.toHaveBeenCalled();
    expect(sendMessage).toHaveBeenCalledWith({ hf: 'crmSyncNow', data: { product: 'salesforce' } });
  });

  it('Disconnect asks first and says what stays; only the second press disconnects', async () => {
    sendMessage.mockResolvedValue({ ok: true, data: { ok: true } });
    card('salesforce', { ...STATUS, lastSyncAt: '2026-12-03T23:10:00.000Z', lastCounts: { accounts: 3, deals: 5, lines: 9, removed: 0 } });
    expect($('[data-testid=crm-status]')!.textContent).toMatch(/^Last synced 3 Dec, \d\d:\d\d · 3 customers · 5 deals · 9 product lines$/);
    const buttons = () => [...host.querySelectorAll('button')];
    buttons().find((b) => b.textContent === 'Disconnect')!.click();
    await tick();
    expect(sendMessage).not.toHaveBeenCalled();
    expect(host.textContent).toContain('The customers and deals it brought in stay.');
    buttons().find((b) => b.textContent === 'Disconnect Salesforce')!.click();
    await tick();
    expect(sendMessage).toHaveBeenCalledWith({ hf: 'crmDisconnect', data: { product: 'salesforce' } });
    expect($('[role=status]')!.textContent).toBe('Salesforce is disconnected. The customers and deals it brought in stay.');
  });
});
