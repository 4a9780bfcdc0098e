// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { PanelBoundary } from '@/components/dock/PanelBoundary';
import { Panels } from '@/components/dock/Panels';
import type { PanelsProps } from '@/components/dock/state';

function Boom(): never {
  throw new Error('render failed');
}

const base: Omit<PanelsProps, 'state'> = { onAddCustomer: () => {}, search: async () => [], onPick: () => {} };

describe('dock panels', () => {
  it('one failing panel shows a line and leaves its neighbours standing', async () => {
    const host = document.createElement('div');
    render(
      <div>
        <PanelBoundary title="A">
          <Boom />
        </PanelBoundary>
        <PanelBoundary title="B">
          <p>still here</p>
        </PanelBoundary>
      </div>,
      host,
    );
    await new Promise((r) => setTimeout(r)); // the boundary re-renders on the next tick
    expect(host.textContent).toContain('Holdfast could not load this panel.');
    expect(host.textContent).toContain('still here');
  });

  it('renders page text as text, never as markup', () => {
    const host = document.createElement('div');
    const evil = '<img src=x onerror="globalThis.pwned=1">';
    render(<Panels {...base} state={{ kind: 'ready', subject: { site: 'generic', name: evil, emails: [], domains: [] }, info: { customer: null, openProblems: [], partners: [] } }} />, host);
    expect(host.querySelector('img')).toBeNull();
    expect(host.textContent).toContain(evil);
  });

  it('does not offer a list page as one customer', () => {
    const host = document.createElement('div');
    render(<Panels {...base} state={{ kind: 'ready', subject: { site: 'gmail', objectType: 'list', emails: [], domains: ['acme.com'] }, info: { customer: null, openProblems: [], partners: [] } }} />, host);
    expect(host.querySelector('.unknown .primary')).toBeNull();
    expect(host.querySelector('#holdfast-pick')).not.toBeNull();
  });
});
