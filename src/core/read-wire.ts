import { InvalidResponseError } from './errors/invalid-response-error.ts';
import { wireMisfit, type WireShape } from './wire-misfit.ts';

export type { WireShape } from './wire-misfit.ts';

/**
 * Checks the members an adapter reads against a {@link WireShape}: the small, dependency-free check
 * of the batch chunks and on-demand parsers (valibot would cost more than the parser itself). The
 * call path's parsers use {@link checkWire}, which loads the error only for a body that misfits.
 * @returns The body, typed as `T`.
 * @throws InvalidResponseError naming the first member that does not fit (`choices.0.message: missing`).
 */
export function readWire<T>(body: unknown, shape: WireShape, provider: string, url: string): T {
  const detail = wireMisfit(body, shape);
  if (detail)
    throw new InvalidResponseError({ provider, url, detail, body: JSON.stringify(body) ?? '' });
  return body as T;
}
