/**
 * Serialises a value as canonical JSON: object keys sorted, no whitespace, `undefined` members
 * dropped (as `JSON.stringify` does). Two requests that differ only in key order give the same
 * string, which is what makes cache keys stable across runtimes and call styles.
 * @param value - Any JSON-compatible value.
 * @returns The canonical JSON text.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member === undefined || typeof member === 'function') continue;
    members.push(`${JSON.stringify(key)}:${canonicalJson(member)}`);
  }
  return `{${members.join(',')}}`;
}
