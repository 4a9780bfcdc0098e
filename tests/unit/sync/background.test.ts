// The background's sync messages: answered for the extension's own pages, refused for content
// scripts (a hostile page could otherwise steer its content script into re-pointing the sync,
// and the team's data, at a server of its choosing).
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch } from '@/lib/messaging';
import { registerSync } from '@/entrypoints/background/sync';

describe('sync messages in the background', () => {
  it('answer the extension’s pages and refuse content scripts', async () => {
    registerSync();
    const id = fakeBrowser.runtime.id;
    const options = { id, url: fakeBrowser.runtime.getURL('/options.html') };
    const contentScript = { id, url: 'https://acme.lightning.force.com/lightning/r/Account/001/view', tab: { id: 7 } };

    expect(await dispatch({ hf: 'syncStatus', data: null }, options, id)).toEqual({ ok: true, data: { connected: false, pending: 0, refusals: [] } });
    for (const [hf, data] of [
      ['syncConnect', { serverUrl: 'https://evil.example', token: 'x' }],
      ['syncStatus', null],
      ['syncNow', null],
      ['syncDisconnect', null],
    ] as const) {
      expect(await dispatch({ hf, data }, contentScript, id), hf).toEqual({ ok: false, error: 'team sync is managed from the extension’s own pages only' });
    }
    // A malformed request is refused before the handler runs.
    expect(await dispatch({ hf: 'syncConnect', data: { serverUrl: 'https://x.example' } }, options, id)).toMatchObject({ ok: false, error: expect.stringContaining('bad syncConnect request') });
  });
});
