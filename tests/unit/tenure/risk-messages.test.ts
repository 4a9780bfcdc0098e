import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessRisk, NEXT_STEPS, SIGNAL_PRIORITY, signalArgs, type RiskInput, type RiskLevel } from '../../../lib/tenure/risk';
import { coach, customer, line, problem } from './fixtures';

const load = (lang: string) => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<string, { message: string }>;
const highest = (s: string) => Math.max(0, ...[...s.matchAll(/\$(\d)/g)].map((m) => Number(m[1])));

/** One input per signal code, so each message is checked against the arguments it really gets. */
const TODAY = '2026-03-15';
const NOW = '2026-03-15T12:00:00Z';
const base = (p: Partial<RiskInput>): RiskInput => ({ customer: customer(), lines: [], problems: [], coaches: [], today: TODAY, now: NOW, ...p });
const everySignal = [
  base({ customer: customer({ renewalDate: '2026-04-01' }) }),
  base({ customer: customer({ renewalDate: '2026-03-01' }), lines: [0, 40, 80].map((d) => line({ date: `2024-0${1 + d / 40}-01`, product: 'S' })) }),
  base({ problems: [problem({ receivedAt: '2026-01-01T00:00:00Z', severity: 'high', reopenCount: 1 })] }),
  base({ lines: [line({ date: '2024-06-01', product: 'S', amount: 1000 }), line({ date: '2025-06-01', product: 'S', amount: 100 })], customer: customer({ lastContactAt: '2026-01-01T00:00:00Z' }) }),
  base({ customer: customer({ lastContactAt: '2025-12-01T00:00:00Z' }), coaches: [coach({ employers: [{ company: 'Acme', domain: 'acme.com', to: '2026-01-31' }] })] }),
];

describe('risk messages', () => {
  const catalogues = { en: load('en'), zh_CN: load('zh_CN') };

  it('the inputs above raise every signal code', () => {
    const raised = new Set(everySignal.flatMap((i) => assessRisk(i).signals.map((s) => s.code)));
    expect([...raised].sort()).toEqual([...SIGNAL_PRIORITY].sort());
  });

  for (const [lang, messages] of Object.entries(catalogues)) {
    it(`${lang}: every signal's message takes exactly the arguments signalArgs gives`, () => {
      for (const i of everySignal) {
        for (const s of assessRisk(i).signals) {
          const m = messages[`tenure_signal_${s.code}`];
          expect(m, s.code).toBeDefined();
          expect(highest(m!.message), s.code).toBe(signalArgs(s).length);
        }
      }
      for (const code of SIGNAL_PRIORITY) expect(messages[`tenure_signal_${code}`], code).toBeDefined();
    });

    it(`${lang}: every level and next step has a message`, () => {
      const levels: RiskLevel[] = ['low', 'medium', 'high', 'unknown'];
      for (const level of levels) expect(messages[`tenure_risk_${level}`], level).toBeDefined();
      for (const step of NEXT_STEPS) expect(messages[`tenure_step_${step}`], step).toBeDefined();
    });
  }
});
