/**
 * How many pods, and how big, for a team of n with a wanted pod size k (2…4).
 *
 * Write n = q·k + r. When r = 0 every pod has k members. Otherwise there are two ways to
 * absorb the remainder:
 *   A. r pods of k + 1 (and q − r of k), possible when r ≤ q;
 *   B. k − r pods of k − 1 (and q + r − k + 1 of k), possible when k − r ≤ q + 1 and
 *      k − 1 ≥ 2 (a pod of one is not a pod).
 * We take whichever changes fewer pods; on a tie, B, because smaller pods keep partners
 * closer. Examples for k = 4: 9 → 5+4, 10 → 4+3+3, 11 → 4+4+3. For k = 2 an odd team
 * always gets one trio. A team too small for either (e.g. 2 reps with k = 4) is one pod.
 *
 * Returned largest first; formation decides which pod gets which size.
 */
export const MIN_POD_SIZE = 2;
export const MAX_POD_SIZE = 4;

export function podSizes(n: number, k: number): number[] {
  if (!Number.isInteger(k) || k < MIN_POD_SIZE || k > MAX_POD_SIZE) {
    throw new RangeError(`podSize must be a whole number from ${MIN_POD_SIZE} to ${MAX_POD_SIZE}, got ${k}.`);
  }
  if (n <= 0) return [];
  const q = Math.floor(n / k);
  const r = n % k;
  if (r === 0) return Array<number>(q).fill(k);
  const canA = r <= q;
  const canB = k - r <= q + 1 && k - 1 >= MIN_POD_SIZE;
  const useB = canB && (!canA || k - r <= r);
  if (useB) return [...Array<number>(q + 1 - (k - r)).fill(k), ...Array<number>(k - r).fill(k - 1)];
  if (canA) return [...Array<number>(r).fill(k + 1), ...Array<number>(q - r).fill(k)];
  return [n];
}
