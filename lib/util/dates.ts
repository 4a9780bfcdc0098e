/** Whole years and months from `from` to `to` (calendar-correct: Jan 31 → Feb 28 is 0 months). */
export function yearsMonths(from: string, to: Date): { years: number; months: number } {
  const f = new Date(from);
  let months = (to.getUTCFullYear() - f.getUTCFullYear()) * 12 + (to.getUTCMonth() - f.getUTCMonth());
  if (to.getUTCDate() < f.getUTCDate()) months -= 1;
  months = Math.max(0, months);
  return { years: Math.floor(months / 12), months: months % 12 };
}

/** A short local date for display (the browser's locale). */
export function shortDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}
