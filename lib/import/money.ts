/**
 * Money from CSV text to integer minor units (DESIGN §5), exactly: the digits are shifted
 * as text, never multiplied as floats (0.29 * 100 is 28.999…).
 */

/**
 * ISO 4217 minor-unit exponents that are not 2 (list of the standard's table A.1, 2024).
 * This is the standard's exponent, not CLDR's display digits (CLDR shows ISK and IQD
 * differently), because it is what the amounts in an export are counted in.
 */
const EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0,
  XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

export function currencyExponent(code: string): number {
  return EXPONENTS[code] ?? 2;
}

let known: Set<string> | undefined;

/**
 * Currency names Chinese exports write in a currency column (币种) instead of a code.
 * "RMB" is the everyday abbreviation, not the ISO code.
 */
const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  人民币: 'CNY', RMB: 'CNY', 元: 'CNY', 美元: 'USD', 港币: 'HKD', 港元: 'HKD', 澳门元: 'MOP', 新台币: 'TWD', 欧元: 'EUR',
  日元: 'JPY', 英镑: 'GBP', 韩元: 'KRW', 澳元: 'AUD', 加元: 'CAD', 新加坡元: 'SGD', 瑞士法郎: 'CHF',
};

/**
 * An upper-case ISO 4217 code the runtime knows (any three letters where it cannot tell), from
 * a code ("usd"), a Chinese name ("人民币") or both ("人民币（CNY）", "CNY 人民币").
 */
export function normaliseCurrency(value: string): string | undefined {
  const v = value.normalize('NFKC').trim();
  const word = CURRENCY_WORDS[v.toUpperCase()] ?? CURRENCY_WORDS[v];
  if (word) return word;
  const both = /^(\p{Script=Han}+)\s*\(?\s*([A-Za-z]{3})\s*\)?$/u.exec(v) ?? /^([A-Za-z]{3})\s*\(?\s*(\p{Script=Han}+)\s*\)?$/u.exec(v);
  if (both) {
    const [code, name] = /^[A-Za-z]{3}$/.test(both[1]!) ? [both[1]!, both[2]!] : [both[2]!, both[1]!];
    const fromName = CURRENCY_WORDS[name];
    const fromCode = isoCode(code);
    return fromName && fromCode && fromName !== fromCode ? undefined : fromCode;
  }
  return isoCode(v);
}

function isoCode(value: string): string | undefined {
  const code = value.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) return undefined;
  known ??= typeof Intl.supportedValuesOf === 'function' ? new Set(Intl.supportedValuesOf('currency')) : new Set();
  if (known.size && !known.has(code) && !(code in EXPONENTS)) return undefined;
  return code;
}

export type MoneyResult =
  | { ok: true; minor: number; /** a code written in the cell itself ("USD 1,200.00") */ code?: string }
  | { ok: false; code: 'bad_amount' | 'too_many_decimals' };

/**
 * Read an amount such as `1234.5`, `1,234.50`, `1.234,50`, `USD 1,200.00`, `$ 99`, `(12.00)`,
 * `-5`, `1'234.50` or `1 234,50`.
 *
 * Which mark is the decimal one: with both `.` and `,` present, the last one; a mark that
 * occurs twice groups thousands; a single mark followed by exactly three digits is read as
 * grouping when the currency has fewer than three minor digits (`1,234` USD is 1234.00),
 * otherwise as decimal. More decimals than the currency has are refused, not rounded,
 * unless they are zeros (`12.500` USD).
 */
export function parseMoney(text: string, currency: string | undefined): MoneyResult {
  // Full-width digits and marks (１２，０００．５０, ￥, （）) as their ASCII forms.
  let s = text.normalize('NFKC').trim().replace(/[\u00a0\u202f]/g, ' ');
  let code: string | undefined;
  // Chinese units: 元 names the currency; 万 (ten thousand) and 亿 (a hundred million) scale.
  let scale = 0;
  const unit = /^(.*?)\s*(万元|万|亿元|亿|元|圆)$/.exec(s);
  if (unit) {
    s = unit[1]!;
    scale = unit[2]!.startsWith('万') ? 4 : unit[2]!.startsWith('亿') ? 8 : 0;
    if (/[元圆]/.test(unit[2]!)) code = 'CNY';
  }
  const rmb = /^(人民币|RMB)\s*(.+)$/i.exec(s);
  if (rmb) {
    s = rmb[2]!;
    code = 'CNY';
  }
  // ¥ is the yuan's sign as well as the yen's: yen only where the row or the user says JPY.
  if (/[¥]/.test(s) && !code && currency?.toUpperCase() !== 'JPY') code = 'CNY';
  const withCode = /^([A-Za-z]{3})\s*(.+)$/.exec(s) ?? /^(.+?)\s*([A-Za-z]{3})$/.exec(s);
  if (withCode) {
    const [, a, b] = withCode;
    const letters = /^[A-Za-z]{3}$/.test(a!) ? a! : b!;
    const written = normaliseCurrency(letters);
    if (!written || (code && written !== code)) return { ok: false, code: 'bad_amount' };
    code = written;
    s = (letters === a ? b! : a!).trim();
  }
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  s = s.replace(/[$€£¥₩₹₽₺₪฿]/g, '').replace(/[\s']/g, '');
  if (/^-/.test(s) || /-$/.test(s)) {
    negative = !negative;
    s = s.replace(/^-|-$/g, '');
  }
  if (s.startsWith('+')) s = s.slice(1);
  if (!/^[0-9.,]*[0-9][0-9.,]*$/.test(s)) return { ok: false, code: 'bad_amount' };

  const exponent = currencyExponent(code ?? currency ?? 'USD');
  const split = splitDecimal(s, exponent);
  if (!split) return { ok: false, code: 'bad_amount' };
  let whole = split[0];
  let fraction = split[1];
  if (scale) {
    // 3.5万 is 35000: the decimal point moves right, digit by digit, never through a float.
    whole = (whole + fraction.padEnd(scale, '0').slice(0, scale)).replace(/^0+(?=\d)/, '');
    fraction = fraction.slice(scale);
  }
  if (fraction.length > exponent) {
    if (/[^0]/.test(fraction.slice(exponent))) return { ok: false, code: 'too_many_decimals' };
    fraction = fraction.slice(0, exponent);
  }
  const digits = (whole + fraction.padEnd(exponent, '0')).replace(/^0+(?=\d)/, '');
  const minor = Number(digits);
  if (!Number.isSafeInteger(minor)) return { ok: false, code: 'bad_amount' };
  return { ok: true, minor: negative && minor !== 0 ? -minor : minor, ...(code ? { code } : {}) };
}

/** [whole digits, fraction digits] with grouping marks removed; null when malformed. */
function splitDecimal(s: string, exponent: number): [string, string] | null {
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let decimal: '.' | ',' | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? '.' : ',';
  else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const count = s.split(mark).length - 1;
    const after = s.length - s.lastIndexOf(mark) - 1;
    if (count > 1) decimal = null;
    else if (after === 3 && exponent < 3) decimal = null;
    else decimal = mark;
  }
  const group = decimal === '.' ? ',' : decimal === ',' ? '.' : s.includes('.') ? '.' : ',';
  const [wholeRaw = '', fraction = '', ...rest] = decimal ? s.split(decimal) : [s];
  if (rest.length || fraction.includes(group)) return null;
  // Grouping must be in threes after the first group (1,234,567), so "1,23,4" is refused.
  const groups = wholeRaw.split(group);
  if (groups.length > 1 && (groups.slice(1).some((g) => g.length !== 3) || !groups[0])) {
    // Indian grouping (1,23,45,678) is the one accepted exception: twos, then a final three.
    const indian = groups.length > 2 && groups.slice(1, -1).every((g) => g.length === 2) && groups.at(-1)!.length === 3;
    if (!indian) return null;
  }
  const whole = groups.join('');
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction) || (!whole && !fraction)) return null;
  return [whole || '0', fraction];
}

/** Minor units back to a readable amount for the preview, in the reader's locale. */
export function formatMinor(minor: number, currency: string, locale?: string): string {
  const exponent = currencyExponent(currency);
  const value = minor / 10 ** exponent;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: exponent, maximumFractionDigits: exponent }).format(value);
  } catch {
    return `${value.toFixed(exponent)} ${currency}`;
  }
}
