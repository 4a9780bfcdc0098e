/**
 * How long to wait before the next automatic attempt after `failures` failed ones in a row:
 * exponential (base, 2·base, 4·base, …) up to a cap, with "equal jitter" — half the step
 * fixed, half random — so a team's clients that failed together (the server restarted) do
 * not all come back in the same second, yet none retries at once. A Retry-After from the
 * server is a floor.
 */
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 2_000, capMs: 5 * 60_000 };

export function backoffDelay(failures: number, random: () => number, retryAfterMs = 0, o: BackoffOptions = DEFAULT_BACKOFF): number {
  if (failures <= 0) return Math.max(0, retryAfterMs);
  const step = Math.min(o.capMs, o.baseMs * 2 ** Math.min(failures - 1, 30));
  const jittered = step / 2 + random() * (step / 2);
  return Math.round(Math.max(jittered, retryAfterMs));
}
