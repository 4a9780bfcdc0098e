// @vitest-environment happy-dom
/**
 * Issue 14, finding 9 (teach mode): rules are read and saved for the host of the frame the
 * browser says sent the message, not the host its content script names; and the picker takes
 * only the rep's own clicks, not a page script's synthetic ones.
 */
import { describe, expect, it, vi } from 'vitest';
import { startPicking } from '@/components/dock/teach-picker';
import { checkTeachRuleHost, teachHostFor, WrongHost } from '@/entrypoints/background/sender-host';

describe('teach rules follow the sender’s own host', () => {
  const fromPage = { id: 'ext', url: 'https://crm.inhouse.example/customers/4711', tab: { id: 4, url: 'https://crm.inhouse.example/customers/4711' }, frameId: 0 };

  it('reads the rules of the sending page’s host, whatever host the request names', () => {
    expect(teachHostFor(fromPage, 'crm.other.example')).toBe('crm.inhouse.example');
    // An iframe's own address, not the tab's.
    expect(teachHostFor({ ...fromPage, url: 'https://frame.example:8443/x', frameId: 3 }, 'crm.inhouse.example')).toBe('frame.example:8443');
  });

  it('refuses to save a rule for another host from a page', () => {
    expect(() => checkTeachRuleHost(fromPage, 'crm.other.example')).toThrow(WrongHost);
    expect(() => checkTeachRuleHost(fromPage, 'crm.inhouse.example')).not.toThrow();
  });

  it('extension pages (no tab) name the host they mean', () => {
    expect(teachHostFor({ id: 'ext', url: 'chrome-extension://abc/options.html' }, 'crm.inhouse.example')).toBe('crm.inhouse.example');
    expect(() => checkTeachRuleHost({ id: 'ext' }, 'crm.other.example')).not.toThrow();
  });
});

describe('the teach picker', () => {
  it('ignores a synthetic click: nothing is picked and the page keeps it', () => {
    document.body.innerHTML = '<h1 id="name">Wayne Enterprises</h1><button id="b">x</button>';
    const onPick = vi.fn();
    const pageGotIt = vi.fn();
    document.getElementById('name')!.addEventListener('click', pageGotIt);
    const stop = startPicking({ box: document.createElement('div'), isOurs: () => false, onPick, onCancel: () => {} });
    document.getElementById('name')!.click();
    document.getElementById('name')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onPick).not.toHaveBeenCalled();
    expect(pageGotIt).toHaveBeenCalledTimes(2);
    stop();
  });
});
