/**
 * The content script's own main-thread time, made visible to benchmarks: each synchronous
 * piece of work is recorded as a `holdfast:work` performance measure (the page's timeline is
 * shared with the isolated world), so `npm run bench` can sum exactly what Holdfast cost.
 */
export function timed<T>(label: string, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    try {
      performance.measure('holdfast:work', { start, end: performance.now(), detail: label });
    } catch {
      // measure() can be unavailable in odd embedders; timing is never worth a failure.
    }
  }
}

export function mark(name: string): void {
  try {
    performance.mark(name);
  } catch {
    /* see timed() */
  }
}

/** A span of (possibly asynchronous) time since `start`, for benchmarks to read. */
export function measure(name: string, start: number): void {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    /* see timed() */
  }
}
