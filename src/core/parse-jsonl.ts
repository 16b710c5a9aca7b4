import { InvalidResponseError } from './errors/invalid-response-error.ts';

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
