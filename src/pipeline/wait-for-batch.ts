import type {
  BatchHttp,
  ProviderBatchAdapter,
  ProviderBatchStatus,
} from '../core/batch-adapter.ts';
import { InvalidRequestError } from '../core/errors/invalid-request-error.ts';

/** The first wait between polls: providers finish most jobs in minutes to hours. */
export const DEFAULT_POLL_INTERVAL = 5_000;
/** The longest wait between polls. */
export const DEFAULT_MAX_POLL_INTERVAL = 60_000;

const ENDED = new Set(['completed', 'failed', 'expired', 'cancelled']);

/** Whether a job's results can be read. */
export const isEnded = (status: ProviderBatchStatus) => ENDED.has(status.state);

function interval(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidRequestError(`\`${name}\` must be a number of ms, at least 0; got ${value}.`);
  }
  return value;
}

/**
 * Polls a job until it ends, waiting `pollInterval` first and twice as long after each poll, up to
 * `maxPollInterval`. `signal` stops the wait (the job itself goes on at the provider).
 */
export async function waitForBatch(
  batch: ProviderBatchAdapter,
  jobId: string,
  http: BatchHttp,
  options: { signal?: AbortSignal; pollInterval?: number; maxPollInterval?: number },
  delay: (ms: number, signal?: AbortSignal) => Promise<void>,
): Promise<ProviderBatchStatus> {
  let wait = interval('pollInterval', options.pollInterval, DEFAULT_POLL_INTERVAL);
  const max = interval('maxPollInterval', options.maxPollInterval, DEFAULT_MAX_POLL_INTERVAL);
  for (;;) {
    const status = await batch.status(jobId, http);
    if (isEnded(status)) return status;
    await delay(Math.min(wait, max), options.signal);
    wait = Math.min(wait * 2, max);
  }
}
