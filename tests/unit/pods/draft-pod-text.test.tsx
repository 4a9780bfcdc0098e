// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DraftPod } from '@/components/pods/DraftPod';
import type { Rep } from '@/lib/model';

const rep = (id: string, name: string, traits: Rep['traits']): Rep => ({ id, name, updatedAt: '2026-11-01T00:00:00.000Z', traits });

let host: HTMLElement;
afterEach(() => host?.remove());

describe('a draft pod says how well it fits in words a rep uses', () => {
  it('"fit · styles even out · strengths complement", with what they mean on hover; no "balance"/"coverage"', () => {
    host = document.createElement('div');
    document.body.append(host);
    const members = [
      rep('a', 'Me', { goalOrientation: 82, skepticism: 30, detailAttention: 38, relationship: 74 }),
      rep('b', 'Liu Yang', { goalOrientation: 44, skepticism: 76, detailAttention: 86, relationship: 48 }),
    ];
    render(<DraftPod index={0} count={1} members={members} meId="a" onMove={() => undefined} />, host);
    const fit = host.querySelector('[data-testid=pods-fit]')!;
    expect(fit.textContent).toMatch(/^fit \d+% · styles even out \d+% · strengths complement \d+%$/);
    expect(fit.textContent).not.toMatch(/score|balance|coverage/);
    expect(fit.getAttribute('title')).toMatch(/^How well this pod works together\./);
    // The default name 'Me' is shown as the reader's word for it, marked as me.
    expect(host.textContent).toContain('Me (you)');
  });
});
