import * as z from 'zod/mini';
import { TeachRule } from '../model/teach';
import type { HoldfastDB } from './database';

const KEY = 'teachRules';
const Rules = z.array(TeachRule);

/** Every taught rule. A corrupt settings value reads as no rules rather than breaking pages. */
export async function allTeachRules(d: HoldfastDB): Promise<TeachRule[]> {
  const parsed = z.safeParse(Rules, (await d.settings.get(KEY))?.value ?? []);
  return parsed.success ? parsed.data : [];
}

export async function teachRulesFor(d: HoldfastDB, host: string): Promise<TeachRule[]> {
  return (await allTeachRules(d)).filter((r) => r.host === host);
}

/** Add or replace (same host, path and field) a rule. */
export async function saveTeachRule(d: HoldfastDB, rule: TeachRule): Promise<void> {
  await d.transaction('rw', d.settings, async () => {
    const rules = (await allTeachRules(d)).filter((r) => r.id !== rule.id && !(r.host === rule.host && r.pathPattern === rule.pathPattern && r.field === rule.field));
    await d.settings.put({ key: KEY, value: [...rules, z.parse(TeachRule, rule)] });
  });
}

export async function removeTeachRule(d: HoldfastDB, id: string): Promise<void> {
  await d.transaction('rw', d.settings, async () => {
    await d.settings.put({ key: KEY, value: (await allTeachRules(d)).filter((r) => r.id !== id) });
  });
}
