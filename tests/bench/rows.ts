/** One row of `npm run bench`: printed in the table and written to bench-results.json. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** The budget in words ("≤ 20480 B"), or "report" for figures without one. */
  budget: string;
  /** Whether the value meets the budget; undefined for report-only rows. */
  ok?: boolean;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function atMost(name: string, value: number, unit: string, limit: number): BenchRow {
  return { name, value, unit, budget: `≤ ${limit} ${unit}`, ok: value <= limit };
}
