import { getDotPath, type BaseIssue } from 'valibot';
import { InvalidResponseError } from './errors/invalid-response-error.ts';

/**
 * The error for a 2xx body that failed an adapter's wire schema, naming the first few mismatches as
 * `path: message` so the reader sees which member was wrong.
 * @param provider - The provider key.
 * @param url - The URL that answered.
 * @param issues - valibot's issues.
 * @param body - The body as parsed.
 */
export function invalidWireBody(
  provider: string,
  url: string,
  issues: readonly BaseIssue<unknown>[],
  body: unknown,
): InvalidResponseError {
  const detail = issues
    .slice(0, 3)
    .map((issue) => `${getDotPath(issue) ?? '(root)'}: ${issue.message}`)
    .join('; ');
  return new InvalidResponseError({ provider, url, detail, body: JSON.stringify(body) });
}
