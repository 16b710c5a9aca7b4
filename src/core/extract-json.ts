/** The result of {@link extractJson}: the value and the JSON text it came from, or why none was read. */
export type ExtractedJson =
  { ok: true; value: unknown; json: string } | { ok: false; error: string };

function tryParse(text: string): ExtractedJson {
  try {
    return { ok: true, value: JSON.parse(text), json: text };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/** Finds the end of the JSON object or array that starts at `start`, honouring strings. */
function balancedEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      if (--depth === 0) return i;
    }
  }
  return -1;
}

/**
 * The first ```json fence's content (the fence opening a line), up to the first closing fence after which it parses: a string
 * in the JSON may itself hold ``` (bounded, so a text full of fences stays linear).
 */
function fencedJson(text: string): ExtractedJson | undefined {
  // A fence opens a line (Markdown's rule): a ``` inside a JSON string in prose is not one.
  const open = /(?:^|\n)[ \t]*```(?:json|JSON)?/.exec(text);
  if (!open) return undefined;
  const from = open.index + open[0].length;
  let end = text.indexOf('```', from);
  for (let tries = 0; end !== -1 && tries < 8; tries++) {
    const inner = tryParse(text.slice(from, end).trim());
    if (inner.ok) return inner;
    end = text.indexOf('```', end + 3);
  }
  return undefined;
}

/** A second JSON object or array after `end` (JSON Lines, or several values in a row). */
function hasAnotherValue(text: string, end: number): boolean {
  const next = text.slice(end + 1).search(/[{[]/);
  if (next === -1) return false;
  const from = end + 1 + next;
  const to = balancedEnd(text, from);
  return to !== -1 && tryParse(text.slice(from, to + 1)).ok;
}

/**
 * Reads JSON from model output tolerantly: the whole text, else the first fenced ```json block,
 * else the first balanced object or array inside prose. Unlike the original, truncated JSON and
 * several values (JSON Lines) are errors rather than a silently shortened value.
 * @param text - The model's answer.
 * @returns The parsed value and the JSON text it was read from, or the reason it could not be read.
 */
export function extractJson(text: string): ExtractedJson {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'the answer was empty' };
  const whole = tryParse(trimmed);
  if (whole.ok) return whole;
  const fenced = fencedJson(trimmed);
  if (fenced) return fenced;
  const start = trimmed.search(/[{[]/);
  if (start !== -1) {
    const end = balancedEnd(trimmed, start);
    if (end === -1) return { ok: false, error: 'the JSON in the answer is truncated' };
    const inner = tryParse(trimmed.slice(start, end + 1));
    if (inner.ok && hasAnotherValue(trimmed, end))
      return {
        ok: false,
        error: 'the answer holds several JSON values (JSON Lines?) where one was expected',
      };
    if (inner.ok) return inner;
  }
  return { ok: false, error: `no JSON found in the answer (${whole.error})` };
}
