/**
 * A rep's own profile in a few plain sentences: their style, where they sit on each trait,
 * and what kind of partner complements them ("people must know their differences first").
 */
import type { Style, Traits } from '../model';
import { levelOf, TRAIT_WORDS, type Level } from './trait-words';
import { CORE_TRAIT_KEYS, TRAIT_KEYS, type Lang, type TraitKey } from './traits';

type Text = Readonly<Record<Lang, string>>;

const STYLE_TEXT: Readonly<Record<Style, Text>> = {
  driver: {
    en: 'Your style is driver: task-first and decisive, quick to push for a close, short on patience for routine upkeep.',
    zh: '你的风格是指挥型：以任务为先，做事果断，急于成交，对日常维护缺乏耐心。',
  },
  analytical: {
    en: 'Your style is analytical: task-first and careful, you want the facts before you move.',
    zh: '你的风格是思考型：以任务为先，做事谨慎，先弄清事实再行动。',
  },
  expressive: {
    en: 'Your style is expressive: people-first and energetic, you win customers over with enthusiasm.',
    zh: '你的风格是激励型：以人为先，充满热情，善于感染客户。',
  },
  amiable: {
    en: 'Your style is amiable: people-first and steady, you build trust and look after accounts.',
    zh: '你的风格是支持型：以人为先，稳重可靠，善于建立信任、维护客户。',
  },
};

const LEVEL_TEXT: Readonly<Record<TraitKey, Readonly<Record<Level, Text>>>> = {
  goalOrientation: {
    high: { en: 'You push hard toward the close.', zh: '你会全力推动成交。' },
    middle: { en: 'You keep a steady pace toward the close.', zh: '你推进成交的节奏比较平稳。' },
    low: { en: 'You take your time and rarely rush a customer.', zh: '你不急于求成，很少催促客户。' },
  },
  skepticism: {
    high: { en: 'You question claims until they are proven.', zh: '对别人的说法，你会追问到得到证实为止。' },
    middle: { en: 'You check the claims that matter and trust the rest.', zh: '重要的说法你会核实，其余的愿意相信。' },
    low: { en: 'You tend to take people at their word.', zh: '你通常相信别人的说法。' },
  },
  detailAttention: {
    high: { en: 'You notice the small details others miss.', zh: '你能注意到别人忽略的细节。' },
    middle: { en: 'You watch the details that matter most.', zh: '你会留意最要紧的细节。' },
    low: { en: 'You focus on the big picture more than the details.', zh: '你更关注大局，而不是细节。' },
  },
  relationship: {
    high: { en: 'You enjoy looking after existing customers.', zh: '你乐于维护老客户。' },
    middle: {
      en: 'You split your effort between keeping customers and finding new ones.',
      zh: '你在维护老客户和开拓新客户之间分配精力。',
    },
    low: {
      en: 'You are a hunter: opening new accounts drives you more than upkeep.',
      zh: '你是“猎手”型：开拓新客户比日常维护更能调动你。',
    },
  },
};

/**
 * The partner hint names the opposite of the rep's most lopsided trait — the core traits
 * first, because those are what pods are balanced on; relationship only when no core
 * trait is lopsided.
 */
function partnerHint(traits: Traits, lang: Lang): string | undefined {
  const lopsided = (keys: readonly TraitKey[]) => {
    let best: TraitKey | undefined;
    let bestDistance = 0;
    for (const key of keys) {
      const distance = Math.abs(traits[key] - 50);
      if (levelOf(traits[key]) !== 'middle' && distance > bestDistance) {
        best = key;
        bestDistance = distance;
      }
    }
    return best;
  };
  const key = lopsided(CORE_TRAIT_KEYS) ?? lopsided(['relationship']);
  if (key === undefined) return undefined;
  const words = TRAIT_WORDS[key];
  const partner = traits[key] >= 50 ? words.low : words.high;
  return lang === 'en'
    ? `Your best partner is strong where you are light: someone who ${partner.en}.`
    : `最适合你的搭档能补你的短板：一位${partner.zh}的同事。`;
}

export function describeProfile(traits: Traits, style: Style, lang: Lang): string[] {
  const sentences = [STYLE_TEXT[style][lang]];
  for (const key of TRAIT_KEYS) sentences.push(LEVEL_TEXT[key][levelOf(traits[key])][lang]);
  const hint = partnerHint(traits, lang);
  if (hint !== undefined) sentences.push(hint);
  return sentences;
}
