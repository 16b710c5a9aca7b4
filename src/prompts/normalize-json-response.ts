import { extractJson } from '../core/extract-json.ts';

/**
 * Finds the JSON in a model's answer and returns its text, as the original's
 * `normalize_json_response`: the whole answer, the inside of a ```json fence, or the object or
 * array inside prose (`Sure! {"a": 1} hope it helps` → `{"a": 1}`). It shares its reading with
 * `json()` (`extractJson` in `alea-llm-client`), so both accept the same answers.
 * Unlike the original, truncated JSON and several values (JSON Lines) are refused rather than
 * returned for a parser that keeps only the first record.
 * @param text - The model's answer.
 * @returns The JSON text, ready for `JSON.parse`.
 * @throws SyntaxError (as `JSON.parse` does) naming what is wrong when there is no single JSON value.
 */
export function normalizeJsonResponse(text: string): string {
  if (typeof text !== 'string')
    throw new TypeError(`normalizeJsonResponse: expected the answer's text, got ${typeof text}`);
  const found = extractJson(text);
  if (!found.ok) throw new SyntaxError(`normalizeJsonResponse: ${found.error}`);
  return found.json;
}
