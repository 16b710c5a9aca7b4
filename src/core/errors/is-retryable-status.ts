/**
 * Statuses that are worth retrying: timeouts, conflicts, rate limits and server errors. A file of its
 * own so that the stream readers can use it without loading the {@link APICallError} class.
 * @param status - An HTTP status.
 */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}
