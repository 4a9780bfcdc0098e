import type { TraitKey } from './traits';

/**
 * The Holdfast self-assessment: 20 statements written for Holdfast, five per trait, about
 * everyday sales situations rather than abstract adjectives (people answer behaviour more
 * honestly than self-image). Two of each five are reverse-keyed, so a rep who agrees with
 * everything lands near the middle instead of at the top of every scale.
 *
 * Statements are interleaved by trait so that neighbouring answers do not prime each other.
 */
export interface Statement {
  /** Stable id: answers are stored against it, so never renumber. */
  readonly id: string;
  readonly trait: TraitKey;
  /** Agreement means a *lower* trait score. */
  readonly reverse: boolean;
  readonly en: string;
  readonly zh: string;
}

export const STATEMENTS: readonly Statement[] = Object.freeze([
  {
    id: 'g1', trait: 'goalOrientation', reverse: false,
    en: 'I set myself a number for each month and check it every week.',
    zh: '我每个月给自己定一个数字，并每周对照检查。',
  },
  {
    id: 's1', trait: 'skepticism', reverse: false,
    en: 'When a vendor promises a result, I ask for proof before I repeat the promise to a customer.',
    zh: '供应商承诺某个效果时，我会先要证据，再把这个承诺转告客户。',
  },
  {
    id: 'd1', trait: 'detailAttention', reverse: false,
    en: 'I reread a quote line by line before it goes out.',
    zh: '报价发出前，我会逐行再核对一遍。',
  },
  {
    id: 'r1', trait: 'relationship', reverse: false,
    en: 'I enjoy calling existing customers just to hear how things are going.',
    zh: '我喜欢给老客户打电话，只是问问近况。',
  },
  {
    id: 'g2', trait: 'goalOrientation', reverse: false,
    en: 'When a customer is ready, I ask for the order that same day.',
    zh: '客户一旦准备好，我当天就请对方下单。',
  },
  {
    id: 's2', trait: 'skepticism', reverse: false,
    en: 'If a customer says a competitor is cheaper, I ask to see the quote.',
    zh: '客户说竞争对手更便宜时，我会请对方出示报价。',
  },
  {
    id: 'd2', trait: 'detailAttention', reverse: false,
    en: 'I keep notes on every customer call, including the small requests.',
    zh: '每次和客户通话我都做记录，连小要求也记下来。',
  },
  {
    id: 'r2', trait: 'relationship', reverse: true,
    en: 'Winning a brand-new account excites me more than renewing an old one.',
    zh: '拿下一个全新客户，比续签老客户更让我兴奋。',
  },
  {
    id: 'g3', trait: 'goalOrientation', reverse: true,
    en: 'I am happy to let a deal wait until the customer brings it up again.',
    zh: '我愿意等客户自己再提起，交易不急于推进。',
  },
  {
    id: 's3', trait: 'skepticism', reverse: true,
    en: "I usually take a colleague's claim at face value.",
    zh: '同事说的话，我一般直接相信。',
  },
  {
    id: 'd3', trait: 'detailAttention', reverse: true,
    en: 'I leave the fine print of a contract to someone else.',
    zh: '合同里的细则，我一般交给别人去看。',
  },
  {
    id: 'r3', trait: 'relationship', reverse: false,
    en: "I remember the personal things customers mention, like a child's exam or a holiday.",
    zh: '客户提到的私事，比如孩子考试或假期安排，我都会记得。',
  },
  {
    id: 'g4', trait: 'goalOrientation', reverse: false,
    en: 'A week without a closed deal bothers me.',
    zh: '一周没有成交会让我坐立不安。',
  },
  {
    id: 's4', trait: 'skepticism', reverse: false,
    en: 'Before a new tool goes on our website, I list the ways it could go wrong.',
    zh: '新工具上我们网站之前，我会列出它可能出问题的地方。',
  },
  {
    id: 'd4', trait: 'detailAttention', reverse: false,
    en: 'A wrong name or date in an email bothers me until I fix it.',
    zh: '邮件里写错的名字或日期，不改好我心里就不踏实。',
  },
  {
    id: 'r4', trait: 'relationship', reverse: true,
    en: 'Routine account upkeep feels like a chore to me.',
    zh: '日常的客户维护工作对我来说是件苦差事。',
  },
  {
    id: 'g5', trait: 'goalOrientation', reverse: true,
    en: 'I would rather keep a good conversation going than steer it toward a decision.',
    zh: '我宁愿让愉快的交谈继续下去，也不愿把它引向决定。',
  },
  {
    id: 's5', trait: 'skepticism', reverse: true,
    en: 'Asking a lot of questions about a plan feels like slowing everyone down.',
    zh: '对一个计划问太多问题，感觉像是在拖大家后腿。',
  },
  {
    id: 'd5', trait: 'detailAttention', reverse: true,
    en: 'I prefer to sketch the big picture and fill in the details later, if at all.',
    zh: '我喜欢先勾勒大方向，细节以后再说，甚至不管。',
  },
  {
    id: 'r5', trait: 'relationship', reverse: false,
    en: 'When a customer has a problem, I follow it until they tell me it is solved.',
    zh: '客户遇到问题时，我会一直跟进，直到对方告诉我问题已解决。',
  },
] satisfies Statement[]);

/** The answer scale, 1 = strongly disagree … 5 = strongly agree. */
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
export const SCALE_LABELS: readonly { readonly value: number; readonly en: string; readonly zh: string }[] =
  Object.freeze([
    { value: 1, en: 'Strongly disagree', zh: '非常不同意' },
    { value: 2, en: 'Disagree', zh: '不同意' },
    { value: 3, en: 'Neither agree nor disagree', zh: '说不清' },
    { value: 4, en: 'Agree', zh: '同意' },
    { value: 5, en: 'Strongly agree', zh: '非常同意' },
  ]);
