/**
 * A CSS selector for an element the user pointed at, built to survive re-renders: stable
 * attributes first (id, data-* test hooks, name, itemprop), then a short path of tags with
 * stable classes anchored at the nearest such attribute. Ids and classes that look generated
 * (long digit runs, hashes) are skipped because they change on the next deploy.
 */
const STABLE_ATTRS = ['data-testid', 'data-test-id', 'data-field', 'data-field-name', 'data-qa', 'data-id', 'itemprop', 'name', 'aria-label'];
const GENERATED = /\d{3,}|[a-f0-9]{8,}|^(css|sc|jsx|ember|ng)-|__|--[a-z0-9]{5,}$/i;

const esc = (v: string) => (typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(v) : v.replace(/["\\]/g, '\\$&'));

function anchor(el: Element): string | null {
  if (el.id && !GENERATED.test(el.id)) return `#${esc(el.id)}`;
  for (const a of STABLE_ATTRS) {
    const v = el.getAttribute(a);
    if (v && v.length <= 80 && !GENERATED.test(v)) return `${el.localName}[${a}="${esc(v)}"]`;
  }
  return null;
}

function step(el: Element): string {
  const classes = [...el.classList].filter((c) => !GENERATED.test(c)).slice(0, 2).map((c) => `.${esc(c)}`).join('');
  let s = el.localName + classes;
  const parent = el.parentElement;
  if (parent) {
    const same = [...parent.children].filter((c) => c.localName === el.localName);
    if (same.length > 1) s += `:nth-of-type(${same.indexOf(el) + 1})`;
  }
  return s;
}

export function selectorFor(el: Element, doc: Document = el.ownerDocument): string {
  const parts: string[] = [];
  for (let cur: Element | null = el; cur && cur !== doc.documentElement; cur = cur.parentElement) {
    const a = anchor(cur);
    if (a) {
      parts.unshift(a);
      const sel = parts.join(' > ');
      if (doc.querySelector(sel) === el) return sel;
      parts[0] = step(cur); // the anchor is not unique: keep climbing
      continue;
    }
    parts.unshift(step(cur));
    if (parts.length > 8) break;
  }
  return parts.join(' > ');
}
