import { OutputValidationError } from '../core/errors/output-validation-error.ts';
import { extractJson } from '../core/extract-json.ts';
import type { OutputCheck } from './request-with-repairs.ts';

/** A usable answer, or the message that asks the model to correct it. */
export type CheckedAnswer =
  { ok: true; value: unknown; raw: unknown } | { ok: false; repairPrompt: string };

/**
 * Reads JSON from an answer and checks it (with the caller's schema for `object()`).
 * @param text - The answer's text.
 * @param check - The output check.
 * @param round - The current round, from 0.
 * @param maxRepairs - How many repair rounds are allowed.
 * @returns The value (and the JSON as parsed), or the repair prompt spelling out the issues.
 * @throws {@link OutputValidationError} when the answer is invalid and no repair round is left.
 */
export async function checkAnswer(
  text: string,
  check: OutputCheck,
  round: number,
  maxRepairs: number,
): Promise<CheckedAnswer> {
  const extracted = extractJson(text);
  let issues: string[];
  if (extracted.ok) {
    const checked = await check(extracted.value);
    if (checked.ok) return { ok: true, value: checked.value, raw: extracted.value };
    issues = checked.issues;
  } else issues = [extracted.error];
  if (round >= maxRepairs) throw new OutputValidationError({ text, issues, attempts: round + 1 });
  const repairPrompt =
    'Your previous answer could not be used: ' +
    issues.slice(0, 5).join('; ') +
    '. Reply again with only the corrected JSON, no other text.';
  return { ok: false, repairPrompt };
}
