/**
 * Merges header sets case-insensitively, later sets winning. HTTP header names are case-insensitive:
 * spreading `{ authorization }` and `{ Authorization }` into one object keeps both, and fetch then
 * joins them into one value (`Bearer sdk-key, Bearer yours`) that every provider rejects. Here a
 * caller's `Authorization`, `x-api-key` or `Content-Type` replaces the SDK's own instead.
 * @param sets - Header objects, lowest priority first; undefined sets and values are skipped.
 * @returns A new object with lower-case names.
 */
export function mergeHeaders(
  ...sets: readonly (Readonly<Record<string, string | undefined>> | undefined)[]
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const set of sets) {
    for (const [name, value] of Object.entries(set ?? {})) {
      if (value !== undefined) out[name.toLowerCase()] = value;
    }
  }
  return out;
}
