import * as v from 'valibot';
import { InvalidResponseError } from './errors/invalid-response-error.ts';
import { invalidWireBody } from './invalid-wire-body.ts';

/**
 * Checks a provider body against a partial valibot schema.
 * @throws InvalidResponseError naming the first mismatches.
 */
export function readWire<S extends v.GenericSchema>(
  schema: S,
  body: unknown,
  provider: string,
  url: string,
): v.InferOutput<S> {
  const result = v.safeParse(schema, body);
  if (!result.success) throw invalidWireBody(provider, url, result.issues, body);
  return result.output;
}

/**
 * Parses JSONL (batch input and result files): one JSON value per non-empty line.
 * @throws InvalidResponseError naming the line that is not JSON.
 */
export function parseJsonl(text: unknown, provider: string, url: string): unknown[] {
  if (typeof text !== 'string') {
    throw new InvalidResponseError({ provider, url, detail: 'expected JSONL text', body: '' });
  }
  return text
    .split('\n')
    .map((line, index) => ({ line: line.trim(), index }))
    .filter(({ line }) => line !== '')
    .map(({ line, index }) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        const detail = `line ${index + 1} of the JSONL results is not JSON`;
        throw new InvalidResponseError({ provider, url, detail, body: line });
      }
    });
}
