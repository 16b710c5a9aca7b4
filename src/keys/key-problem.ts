import { InvalidRequestError } from '../core/errors/invalid-request-error.ts';

/** What is wrong with a key, in words that never show it. */
function problemOf(key: unknown): string {
  if (typeof key !== 'string') return `is a ${key === null ? 'null' : typeof key}, not a string`;
  if (/[\r\n]/.test(key)) return 'spans more than one line';
  if (/\s/.test(key)) return 'contains a space';
  // oxlint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\x00-\x1f\x7f]/.test(key)) return 'contains a control character';
  return 'contains a character outside printable ASCII (often a copied quote or ellipsis)';
}

/**
 * The error for a malformed key (see `checkKey`): it names where the key came from and what is
 * wrong, never the value. Loaded only when a key is refused.
 * @param key - The value found, trimmed.
 * @param source - Where it came from (`the environment variable OPENAI_API_KEY`).
 */
export function keyProblem(key: unknown, source: string): InvalidRequestError {
  return new InvalidRequestError(
    `The key from ${source} ${problemOf(key)}: keys are one line of printable ASCII. ` +
      'Check its value (it is not shown here).',
  );
}
