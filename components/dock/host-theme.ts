/**
 * Whether the host page is dark (Gmail's dark theme, a CRM's night mode) even when the
 * browser is light: the dock then goes dark too, so it does not glare on a dark page. Reads
 * one computed colour of the page's background, never page text.
 */
export function hostLooksDark(doc: Document = document): boolean {
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const rgb = parseRgb(getComputedStyle(el).backgroundColor);
    if (rgb && rgb.a > 0.5) return luminance(rgb) < 0.3;
  }
  return false;
}

function parseRgb(css: string): { r: number; g: number; b: number; a: number } | null {
  const m = /^rgba?\((\d+(?:\.\d+)?)[, ]+(\d+(?:\.\d+)?)[, ]+(\d+(?:\.\d+)?)(?:[,/ ]+(\d*\.?\d+))?\)$/.exec(css.trim());
  if (!m) return null;
  return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a: m[4] === undefined ? 1 : Number(m[4]) };
}

/** Relative luminance (WCAG), 0 black … 1 white. */
function luminance({ r, g, b }: { r: number; g: number; b: number }): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
