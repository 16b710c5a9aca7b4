import { InvalidResponseError } from './errors/invalid-response-error.ts';

/**
 * Checks the members a batch adapter reads: `fields` maps each name to `string`, `number`, `object`
 * or `array`, with a trailing `?` when it may be absent or null. Other members are ignored (partial,
 * like the valibot wire schemas of the call path; valibot itself is not used here, so that the batch
 * chunk shares no code with the entry chunk and a chat-only page downloads nothing more).
 * @throws InvalidResponseError naming the first member that does not fit.
 */
export function readWire<T>(
  body: unknown,
  fields: Record<string, string>,
  provider: string,
  url: string,
): T {
  const fail = (detail: string) =>
    new InvalidResponseError({ provider, url, detail, body: JSON.stringify(body) ?? '' });
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw fail('not an object');
  for (const [name, spec] of Object.entries(fields)) {
    const optional = spec.endsWith('?');
    const kind = optional ? spec.slice(0, -1) : spec;
    const value = (body as Record<string, unknown>)[name];
    if (value === undefined || value === null) {
      if (optional) continue;
      throw fail(`${name}: missing`);
    }
    const actual = Array.isArray(value) ? 'array' : typeof value;
    if (actual !== kind) throw fail(`${name}: expected ${kind}, got ${actual}`);
  }
  return body as T;
}

/**
 * Parses JSONL (batch result files): one JSON value per non-empty line.
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
