import { InvalidRequestError } from '../core/errors/invalid-request-error.ts';
import { showValue } from '../core/show-value.ts';

/**
 * Checks the `cacheTtl` option (loaded only when a model sets one): seconds, at least 0 (0 keeps
 * nothing), finite (leave it out to keep results for good).
 * @param ttl - The option's value.
 * @throws {@link InvalidRequestError} naming `cacheTtl`.
 */
export function checkCacheTtl(ttl: unknown): void {
  if (typeof ttl === 'number' && ttl >= 0 && Number.isFinite(ttl)) return;
  throw new InvalidRequestError(
    '`cacheTtl` must be a number of seconds of at least 0 (0 keeps nothing; leave it out to keep ' +
      `results for good); got ${showValue(ttl)}.`,
  );
}
