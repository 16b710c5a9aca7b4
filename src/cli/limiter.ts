/** Options of {@link createLimiter}. */
export interface LimiterOptions {
  /** Tasks running at once. */
  readonly concurrency: number;
  /** Most starts of {@link Limiter.pace} per minute; unlimited when absent. */
  readonly rpm?: number;
}

/** A concurrency pool and a request pacer. */
export interface Limiter {
  /** Runs `task` once fewer than `concurrency` tasks are running. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Resolves when the next request may start under `rpm` (evenly spaced). */
  pace(signal?: AbortSignal): Promise<void>;
}

/**
 * A tiny limiter for the CLI's batch runs (self-contained, so a public SDK limiter can replace it).
 * @param options - Concurrency and requests per minute.
 * @returns The limiter.
 */
export function createLimiter({ concurrency, rpm }: LimiterOptions): Limiter {
  let running = 0;
  const waiting: Array<() => void> = [];
  let nextStart = 0;
  const gap = rpm ? 60_000 / rpm : 0;
  return {
    async run(task) {
      if (running >= concurrency) await new Promise<void>((go) => waiting.push(go));
      running++;
      try {
        return await task();
      } finally {
        running--;
        waiting.shift()?.();
      }
    },
    async pace(signal) {
      if (!gap) return;
      const now = Date.now();
      const at = Math.max(now, nextStart);
      nextStart = at + gap;
      if (at > now)
        await new Promise<void>((go, fail) => {
          const timer = setTimeout(go, at - now);
          signal?.addEventListener('abort', () => (clearTimeout(timer), fail(signal.reason)), {
            once: true,
          });
        });
    },
  };
}
