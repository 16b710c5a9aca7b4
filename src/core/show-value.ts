/**
 * Names a value for an error message without ever throwing: BigInts, symbols, null-prototype and
 * cyclic objects would break `JSON.stringify` or `String`, and an error about a bad option must not
 * fail itself.
 * @param value - Anything a caller passed.
 * @returns `"text"` for a string, the value for a primitive, otherwise what kind of thing it is.
 */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return 'an array';
  if (value !== null && typeof value === 'object') return 'an object';
  return String(value);
}
