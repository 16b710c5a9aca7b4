/** One input line: a request, or why the line cannot be one. */
export type BatchLine =
  | {
      line: number;
      ok: true;
      id?: unknown;
      input: string | unknown[];
      options: Record<string, unknown>;
    }
  | { line: number; ok: false; id?: unknown; error: string };

/**
 * Reads JSONL input: each non-blank line is `{"prompt": …}` or `{"messages": […]}`, plus an optional
 * `id` and call options. A bad line becomes an error naming its line number; the others still run.
 * @param text - The file's content.
 * @returns The lines in order (blank lines skipped; numbers count from 1).
 */
export function parseBatchInput(text: string): BatchLine[] {
  const lines: BatchLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      lines.push({ line, ok: false, error: `line ${line}: not JSON (${(e as Error).message})` });
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      lines.push({ line, ok: false, error: `line ${line}: expected a JSON object` });
      return;
    }
    const { prompt, messages, id, ...options } = value as Record<string, unknown>;
    const input =
      typeof prompt === 'string' ? prompt : Array.isArray(messages) ? messages : undefined;
    if (input === undefined || (prompt !== undefined && messages !== undefined)) {
      lines.push({
        line,
        ok: false,
        id,
        error: `line ${line}: needs either "prompt" (a string) or "messages" (an array)`,
      });
      return;
    }
    lines.push({ line, ok: true, ...(id !== undefined && { id }), input, options });
  });
  return lines;
}
