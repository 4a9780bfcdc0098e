/**
 * Why two reps work well together, or what to watch for, in plain sentences, e.g.
 * "Li pushes to close, Chen checks before committing: together they keep the pace."
 *
 * A trait is complementary when the two differ by at least 30 points; it is a shared blind
 * spot when both sit at the same end (both ≥ 65 or both ≤ 35) and that end carries a risk.
 */
import type { Rep } from '../model';
import { TRAIT_WORDS } from './trait-words';
import { TRAIT_KEYS, type Lang, type TraitKey } from './traits';

export const COMPLEMENT_GAP = 30;
const SAME_HIGH = 65;
const SAME_LOW = 35;

type Caution = (a: string, b: string) => string;
type Cautions = Partial<Record<TraitKey, { high?: Record<Lang, Caution>; low?: Record<Lang, Caution> }>>;

const CAUTIONS: Cautions = {
  goalOrientation: {
    high: {
      en: (a, b) => `${a} and ${b} both push hard: agree who slows down before a close.`,
      zh: (a, b) => `${a}和${b}都急于推进：约好成交前由谁放慢一步。`,
    },
    low: {
      en: (a, b) => `${a} and ${b} both take their time: set a date for each close so the window is not missed.`,
      zh: (a, b) => `${a}和${b}都比较从容：给每次成交定好日期，免得错过时机。`,
    },
  },
  skepticism: {
    high: {
      en: (a, b) => `${a} and ${b} both question everything: agree when a claim has been checked enough.`,
      zh: (a, b) => `${a}和${b}都爱追问：事先约定核实到什么程度就够了。`,
    },
    low: {
      en: (a, b) => `Neither ${a} nor ${b} is a natural skeptic: have a third person check big claims.`,
      zh: (a, b) => `${a}和${b}都不太爱质疑：重大的说法请第三个人核实。`,
    },
  },
  detailAttention: {
    low: {
      en: (a, b) => `Neither ${a} nor ${b} is detail-minded: use a checklist for quotes and contracts.`,
      zh: (a, b) => `${a}和${b}都不太注重细节：报价和合同请用清单核对。`,
    },
  },
  relationship: {
    high: {
      en: (a, b) => `${a} and ${b} both prefer upkeep: set aside time to open new accounts.`,
      zh: (a, b) => `${a}和${b}都偏重维护：请留出时间开拓新客户。`,
    },
    low: {
      en: (a, b) => `${a} and ${b} are both hunters: decide who looks after existing customers.`,
      zh: (a, b) => `${a}和${b}都是“猎手”型：商定由谁负责维护老客户。`,
    },
  },
};

type Named = Pick<Rep, 'name' | 'traits'>;

export function explainPair(a: Named, b: Named, lang: Lang): string[] {
  const ta = a.traits;
  const tb = b.traits;
  if (ta === undefined || tb === undefined) {
    return [a, b]
      .filter((rep) => rep.traits === undefined)
      .map((rep) =>
        lang === 'en'
          ? `${rep.name} has not taken the self-assessment yet, so there is nothing to compare.`
          : `${rep.name}还没有完成自评，暂时无法比较。`,
      );
  }
  const sentences: string[] = [];
  for (const key of TRAIT_KEYS) {
    const va = ta[key];
    const vb = tb[key];
    if (Math.abs(va - vb) >= COMPLEMENT_GAP) {
      const [hi, lo] = va > vb ? [a.name, b.name] : [b.name, a.name];
      const words = TRAIT_WORDS[key];
      sentences.push(
        lang === 'en'
          ? `${hi} ${words.high.en}, ${lo} ${words.low.en}: together they ${words.together.en}.`
          : `${hi}${words.high.zh}，${lo}${words.low.zh}：两人一起${words.together.zh}。`,
      );
      continue;
    }
    const end = va >= SAME_HIGH && vb >= SAME_HIGH ? 'high' : va <= SAME_LOW && vb <= SAME_LOW ? 'low' : undefined;
    const caution = end === undefined ? undefined : CAUTIONS[key]?.[end]?.[lang];
    if (caution !== undefined) sentences.push(caution(a.name, b.name));
  }
  if (sentences.length === 0) {
    sentences.push(
      lang === 'en'
        ? `${a.name} and ${b.name} are alike on most traits: each adds little that the other lacks.`
        : `${a.name}和${b.name}在大多数特质上相近：两人互补有限。`,
    );
  }
  return sentences;
}
