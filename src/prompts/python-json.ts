/**
 * Serialises a value as Python's `json.dumps` does with its default separators (`", "` and `": "`),
 * so sections render exactly as the original's. Two deliberate differences: non-ASCII characters are
 * kept as written (Python escapes them as `\uXXXX`, which costs tokens and reads worse), and `NaN`
 * and infinities become `null` (Python writes `NaN`, which is not JSON).
 * @param value - Any JSON-like value; Maps become objects, Sets arrays, bytes UTF-8 text.
 * @returns The JSON text.
 * @throws TypeError for a circular structure.
 */
export function pythonJson(value: unknown): string {
  return write(value, new Set()) ?? 'null';
}

/** Bytes in any of their JS shapes, decoded as UTF-8 (the original rendered them as `b'...'`). */
export function bytesText(value: unknown): string | undefined {
  if (value instanceof ArrayBuffer) return new TextDecoder().decode(value);
  if (ArrayBuffer.isView(value)) return new TextDecoder().decode(value);
  return undefined;
}

function write(value: unknown, seen: Set<object>): string | undefined {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const bytes = bytesText(value);
  if (bytes !== undefined) return JSON.stringify(bytes);
  if (value !== null && typeof value === 'object' && 'toJSON' in value) {
    const toJSON = (value as { toJSON: unknown }).toJSON;
    if (typeof toJSON === 'function') value = toJSON.call(value);
  }
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return String(value);
    case 'bigint':
      return value.toString();
    case 'object':
      break;
    default:
      return undefined; // undefined, functions and symbols are left out, as JSON.stringify does
  }
  if (value === null) return 'null';
  if (seen.has(value)) throw new TypeError('pythonJson: the value is circular');
  seen.add(value);
  try {
    if (Array.isArray(value) || value instanceof Set)
      return `[${[...value].map((item) => write(item, seen) ?? 'null').join(', ')}]`;
    const entries = value instanceof Map ? [...value] : Object.entries(value);
    const members = entries.flatMap(([key, item]) => {
      const text = write(item, seen);
      return text === undefined ? [] : [`${JSON.stringify(String(key))}: ${text}`];
    });
    return `{${members.join(', ')}}`;
  } finally {
    seen.delete(value);
  }
}
