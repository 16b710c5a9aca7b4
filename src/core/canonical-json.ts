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
  const keys = Object.keys(record).sort();
  const kept = keys.filter((key) => record[key] !== undefined && typeof record[key] !== 'function');
  return `{${kept.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}
