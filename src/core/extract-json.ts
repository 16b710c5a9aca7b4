/** The result of {@link extractJson}: the value, or why no JSON could be read. */
export type ExtractedJson = { ok: true; value: unknown } | { ok: false; error: string };

function tryParse(text: string): ExtractedJson {
  try {
    return { ok: true, value: JSON.parse(text) };
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
 * Reads JSON from model output tolerantly: the whole text, else the first fenced ```json block,
 * else the first balanced object or array inside prose. Unlike the original, truncated JSON is an
 * error rather than a silently shortened value.
 * @param text - The model's answer.
 * @returns The parsed value, or the reason it could not be read.
 */
export function extractJson(text: string): ExtractedJson {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'the answer was empty' };
  const whole = tryParse(trimmed);
  if (whole.ok) return whole;
  const fence = /```(?:json|JSON)?\s*\n?([\s\S]*?)```/.exec(trimmed);
  if (fence?.[1]) {
    const fenced = tryParse(fence[1].trim());
    if (fenced.ok) return fenced;
  }
  const start = trimmed.search(/[{[]/);
  if (start !== -1) {
    const end = balancedEnd(trimmed, start);
    if (end !== -1) {
      const inner = tryParse(trimmed.slice(start, end + 1));
      if (inner.ok) return inner;
    } else {
      return { ok: false, error: 'the JSON in the answer is truncated' };
    }
  }
  return { ok: false, error: `no JSON found in the answer (${whole.error})` };
}
