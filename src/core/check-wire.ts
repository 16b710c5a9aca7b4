import { wireMisfit, type WireShape } from './wire-misfit.ts';

/**
 * `readWire` (read-wire.ts) for the call path's parsers: the same check, but the error's class loads only for
 * a body that does not fit (every page's first call carries the check, almost none the error).
 * @returns The body, typed as `T`.
 * @throws InvalidResponseError naming the first member that does not fit (`choices.0.message: missing`).
 */
export async function checkWire<T>(
  body: unknown,
  shape: WireShape,
  provider: string,
  url: string,
): Promise<T> {
  const detail = wireMisfit(body, shape);
  if (detail) {
    const { InvalidResponseError } = await import('./errors/invalid-response-error.ts');
    throw new InvalidResponseError({ provider, url, detail, body: JSON.stringify(body) ?? '' });
  }
  return body as T;
}
