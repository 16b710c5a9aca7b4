/**
 * Serialises a value as canonical JSON: object keys sorted, no whitespace, `undefined` members
 * dropped (as `JSON.stringify` does). Two requests that differ only in key order give the same
 * string, which is what makes cache keys stable across runtimes and call styles.
 * @param value - Any JSON-compatible value.
 * @returns The canonical JSON text.
 */
export function canonicalJson(value: unknown): string {
  // `JSON.stringify` gives undefined for undefined, functions and symbols: `null` in an array.
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  // A loop rather than filter, map and join: this runs for every object of every call's key.
  let out = '';
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member !== undefined && typeof member !== 'function')
      out += `${out && ','}${JSON.stringify(key)}:${canonicalJson(member)}`;
  }
  return `{${out}}`;
}
