/**
 * Which company a mail thread is about (issue 15, point 3). A sender's address names a
 * person; the rep's book holds companies. So a thread from maria.lopez@acme-corp.com about
 * "Renewal: Acme Corp 2027 licences" is offered to the customer Acme Corp (acme.com): its
 * domain looks alike, or the mail names it. Pure: the background computes the suggestion,
 * the unit tests pin it.
 */
import { FREE_MAIL_DOMAINS } from '../sites/dom';

/** Two-part public suffixes a company registers under (acme.co.uk, 星图.com.cn). */
const SECOND_LEVEL = new Set([
  'co.uk', 'org.uk', 'ac.uk', 'com.cn', 'net.cn', 'org.cn', 'gov.cn', 'com.hk', 'com.tw', 'com.sg', 'com.au', 'net.au',
  'co.jp', 'ne.jp', 'co.kr', 'co.in', 'co.nz', 'co.za', 'com.br', 'com.mx', 'com.tr', 'co.id', 'com.my',
]);

/** Words companies add to their name and domain that do not tell one from another. */
const LEGAL_WORDS = new Set([
  'corp', 'corporation', 'inc', 'incorporated', 'group', 'gmbh', 'co', 'company', 'ltd', 'limited', 'llc', 'plc', 'ag', 'sa', 'bv', 'holdings',
]);
/** The same, where a domain runs them on without a hyphen (acmecorp.com); not "co" (cisco, costco). */
const TRAILING = /(corp|inc|group|gmbh|ltd|llc|holdings)$/;
/** Chinese legal forms, longest first (a name ends with one of them at most). */
const CJK_FORMS = ['股份有限公司', '有限责任公司', '有限公司', '集团公司', '集团', '公司'];
const HAN = /\p{Script=Han}/u;

/** Public mail providers: their domain says nothing about an employer, so it never matches. */
export function isPublicMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain.toLowerCase());
}

/** The name a company registered: "acme-corp" of mail.acme-corp.co.uk. */
export function registrableLabel(domain: string): string {
  const parts = domain.toLowerCase().replace(/\.$/, '').split('.');
  const suffix = parts.length >= 3 && SECOND_LEVEL.has(parts.slice(-2).join('.')) ? 2 : 1;
  return parts[parts.length - suffix - 1] ?? '';
}

/**
 * What is left of a domain's registered name without hyphens and legal words: "acme" for
 * acme-corp.com, acmecorp.com, acme.com and acme.co.uk. Empty for public mail domains.
 */
export function domainStem(domain: string): string {
  if (isPublicMailDomain(domain)) return '';
  const label = registrableLabel(domain);
  const words = label.split('-').filter(Boolean);
  const kept = words.filter((w) => !LEGAL_WORDS.has(w));
  const joined = (kept.length ? kept : words).join('');
  const cut = joined.replace(TRAILING, '');
  return cut.length >= 3 ? cut : joined;
}

/** A name's words, lower-case, without punctuation ("Acme Corp." → acme, corp). */
function words(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * What tells a company name from others: its words without legal ones, joined ("acme" for
 * "Acme Corp", "globexindustries" for "Globex Industries GmbH"); for a Chinese name, the
 * name without spaces and its legal form ("杭州星图科技" for "杭州星图科技有限公司").
 */
export function nameStem(name: string): string {
  const plain = name.normalize('NFKC').toLowerCase();
  if (HAN.test(plain)) {
    const squashed = plain.replace(/[^\p{L}\p{N}]+/gu, '');
    const form = CJK_FORMS.find((f) => squashed.endsWith(f) && squashed.length > f.length);
    return form ? squashed.slice(0, -form.length) : squashed;
  }
  const all = words(plain);
  const kept = all.filter((w) => !LEGAL_WORDS.has(w));
  return (kept.length ? kept : all).join('');
}

/** Stems this short match too much by chance ("ab", "io"). */
const MIN_STEM = 3;
const MIN_HAN_STEM = 2;

/** acme-corp.com ~ acme.com: same registered name once hyphens and legal words are gone. */
export function similarDomains(a: string, b: string): boolean {
  const sa = domainStem(a);
  return sa.length >= MIN_STEM && sa === domainStem(b);
}

/**
 * Does `text` (a subject line, a signature) name the company? Latin names match whole words
 * in order ("Acme" in "Renewal: Acme Corp 2027", never in "Acmeplex"); Chinese names match
 * anywhere, as Chinese writes without spaces.
 */
export function namedIn(name: string, text: string): boolean {
  const stem = nameStem(name);
  if (HAN.test(stem)) return stem.length >= MIN_HAN_STEM && text.normalize('NFKC').toLowerCase().replace(/\s+/g, '').includes(stem);
  if (stem.length < MIN_STEM) return false;
  const core = words(name).filter((w) => !LEGAL_WORDS.has(w));
  const want = core.length ? core : words(name);
  const have = words(text);
  for (let i = 0; i + want.length <= have.length; i++) {
    if (want.every((w, j) => have[i + j] === w)) return true;
  }
  return false;
}

export interface KnownCustomer {
  id: string;
  name: string;
  domains: readonly string[];
}

export interface MailClues {
  /** The sender's company domain(s), the person's own first; public mail domains are skipped. */
  domains: readonly string[];
  /** Texts the mail shows: its subject line, the sender's signature. */
  texts: readonly string[];
}

export interface Suggestion {
  customer: KnownCustomer;
  /** 'domain': a domain (or the name) looks like the sender's domain; 'name': the mail names it. */
  why: 'domain' | 'name';
  /** The sender's domain, to add to the customer; absent when the sender writes from public mail. */
  domain?: string;
}

/**
 * The known customer this mail most likely comes from, or null. A look-alike domain wins over
 * a name in the text (a signature may name a partner); among names, the longest (most
 * specific) one; ties keep the book's order.
 */
export function suggestCustomer(clues: MailClues, customers: Iterable<KnownCustomer>): Suggestion | null {
  const domains = clues.domains.filter((d) => !isPublicMailDomain(d));
  const stems = new Set(domains.map(domainStem).filter((s) => s.length >= MIN_STEM));
  const domain = domains[0];
  let byName: { customer: KnownCustomer; length: number } | null = null;
  for (const c of customers) {
    if (stems.size) {
      const own = c.domains.filter((d) => !isPublicMailDomain(d));
      const stem = nameStem(c.name);
      // Its domain looks like the sender's, or (a customer filed without a domain) its name does.
      if (own.some((d) => stems.has(domainStem(d))) || (!own.length && stems.has(stem))) {
        return { customer: c, why: 'domain', ...(domain ? { domain } : {}) };
      }
    }
    const length = nameStem(c.name).length;
    if ((!byName || length > byName.length) && clues.texts.some((t) => namedIn(c.name, t))) byName = { customer: c, length };
  }
  return byName ? { customer: byName.customer, why: 'name', ...(domain ? { domain } : {}) } : null;
}

/** Words a signature line ends with when it names a company. */
const LATIN_FORM = /\b(?:inc|ltd|llc|gmbh|corp|corporation|plc|ag|limited|co)\.?$/i;
const HAN_COMPANY = /[\p{Script=Han}A-Za-z0-9（）()]{2,30}(?:股份有限公司|有限责任公司|有限公司|集团)/u;

/**
 * A name for a new company customer from what the mail shows, or null (the domain then names
 * it): a phrase of the subject or signature whose stem is the domain's ("Acme Corp" for
 * acme-corp.com), or a Chinese company's full name in the signature ("杭州星图科技有限公司").
 */
export function companyNameFrom(domain: string, texts: readonly string[], signature?: string): string | null {
  const stem = domainStem(domain);
  if (stem.length >= MIN_STEM) {
    for (const text of texts) {
      const tokens = text.normalize('NFKC').split(/[^\p{L}\p{N}&.-]+/u).filter(Boolean);
      for (let i = 0; i < tokens.length; i++) {
        // Up to four words from here whose stem is the domain's; legal words after it belong to the name.
        for (let n = 1; n <= 4 && i + n <= tokens.length; n++) {
          if (nameStem(tokens.slice(i, i + n).join(' ')) !== stem) continue;
          let end = i + n;
          while (end < tokens.length && LEGAL_WORDS.has(tokens[end]!.toLowerCase().replace(/\.$/, ''))) end++;
          const name = tokens.slice(i, end).join(' ').replace(/[.-]+$/, '');
          if (/^\p{Lu}/u.test(name)) return name;
        }
      }
    }
  }
  if (signature) {
    const han = HAN_COMPANY.exec(signature.normalize('NFKC'));
    if (han) return han[0];
    for (const line of signature.split(/\n|\s[|·•]\s/)) {
      const l = line.trim();
      if (l.length <= 80 && LATIN_FORM.test(l) && /^\p{Lu}/u.test(l) && nameStem(l) === stem) return l;
    }
  }
  return null;
}
