/** The longest wait a server may ask for before we retry anyway. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * A wait a server asked for, in ms, as we honour it: at least 0, at most {@link MAX_RETRY_AFTER_MS}
 * (an absurd one, even infinite, is capped); undefined for none or NaN. Headers and bodies alike.
 */
export const capRetryAfter = (ms: number | undefined): number | undefined =>
  ms === undefined || Number.isNaN(ms) ? undefined : Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);

/**
 * Reads how long the server asked us to wait: `retry-after-ms` (OpenAI), else `Retry-After` in
 * seconds or as an HTTP date (RFC 9110 §10.2.3).
 * @param headers - The response headers.
 * @param now - The current time in ms, for HTTP dates.
 * @returns The delay in ms, capped at {@link MAX_RETRY_AFTER_MS}, or undefined when absent or invalid.
 */
export function parseRetryAfter(headers: Headers, now = Date.now()): number | undefined {
  let ms: number | undefined;
  const msHeader = headers.get('retry-after-ms');
  if (msHeader !== null && msHeader.trim() !== '' && Number.isFinite(Number(msHeader))) {
    ms = Number(msHeader);
  } else {
    const value = headers.get('retry-after')?.trim();
    if (value) {
      ms = /^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
    }
  }
  return capRetryAfter(ms);
}
