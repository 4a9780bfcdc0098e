/**
 * Structural equality of JSON values, ignoring key order: a record read back from jsonb has
 * its keys reordered, so comparing serialisations would call equal events different. Shared
 * by the rulebook (lib/owners/judge) and the sync server.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  // An absent key and a key holding undefined are the same once stored as JSON.
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)].filter((k) => ao[k] !== undefined || bo[k] !== undefined));
  for (const k of keys) if (!jsonEqual(ao[k], bo[k])) return false;
  return true;
}
