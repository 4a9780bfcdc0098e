// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { TenurePanel } from '@/components/dock/TenurePanel';
import { RiskTop } from '@/components/tenure/RiskView';
import { TenureHistogram } from '@/components/tenure/TenureHistogram';
import { summariseTenure } from '@/lib/tenure';
import { customer, line, problem } from './fixtures';

describe('tenure panel', () => {
  it('shows tenure, renewal, contact, the split with its chart, and the risk with a next step', () => {
    const c = customer({ customerSince: '2021-08-15', renewalDate: '2027-01-10', lastContactAt: '2026-06-01T00:00:00.000Z' });
    const tenure = summariseTenure({
      customer: c,
      lines: [
        line({ date: '2025-06-01', product: 'Platform', amount: 10_000_00 }),
        line({ date: '2026-03-01', product: 'Platform', amount: 7_500_00 }),
        line({ date: '2026-04-01', product: 'Analytics', amount: 2_500_00 }),
        line({ date: '2026-04-01', product: 'Platform', amount: 1_000, currency: 'JPY' }),
      ],
      problems: [problem({ receivedAt: '2026-10-01T00:00:00.000Z' })],
      coaches: [],
      today: '2026-11-28',
      now: '2026-11-28T10:00:00.000Z',
    });
    const host = document.createElement('div');
    const summary = { id: c.id, name: c.name, domains: c.domains, customerSince: c.customerSince, renewalDate: c.renewalDate, lastContactAt: c.lastContactAt, matchedBy: 'crm' as const };
    render(<TenurePanel customer={summary} tenure={tenure} />, host);
    const text = host.textContent!.replace(/\s+/g, ' ');
    expect(text).toContain('5 years 3 months');
    expect(text).toContain('in 43 days');
    expect(text).toContain('180 days ago');
    const last12 = host.querySelector('[data-testid=tenure-last12] [data-currency=USD]')!;
    expect(last12.textContent).toContain('$10,000.00 total');
    expect(last12.querySelector('[data-kind=existing]')!.textContent).toBe('Existing $7,500.00 · 75%');
    expect(last12.querySelector('[data-kind=cross_sell]')!.textContent).toBe('Cross-sell $2,500.00 · 25%');
    expect(host.querySelector('[data-testid=tenure-last12] [data-currency=JPY]')!.textContent).toContain('¥1,000 total');
    expect(last12.querySelector('svg')!.getAttribute('aria-label')).toBe('USD: existing 75%, cross-sell 25%, new 0%; benchmark 75%, 15%, 10%');
    // The top reason is in the dock's header, beside the risk chip (RiskTop); the panel lists the others.
    expect([...host.querySelectorAll('[data-signal]')].map((e) => e.textContent)).toEqual(['No contact for 180 days', '1 open problems older than 14 days (oldest 58 days)']);
    const header = document.createElement('div');
    render(<RiskTop risk={tenure.risk} />, header);
    expect(header.querySelector('[data-signal]')!.textContent).toBe('Renewal in 43 days and no contact in the last 30 days');
    expect(host.querySelector('[data-step]')!.textContent).toBe('Next step: Call them before the renewal.');
    expect(text).toContain('Matched by CRM record');
  });

  it('draws the tenure distribution with one bar per bucket and unknown', () => {
    const host = document.createElement('div');
    render(<TenureHistogram buckets={[{ bucket: 'lt1', count: 2 }, { bucket: '5to10', count: 4 }]} unknown={1} />, host);
    expect([...host.querySelectorAll('[data-bucket]')].map((g) => `${g.getAttribute('data-bucket')}=${g.getAttribute('data-count')}`)).toEqual(['lt1=2', '5to10=4', 'unknown=1']);
  });
});
