/**
 * What a wire body must look like: a kind (`string`, `number`, `boolean`, `object`, `array` or
 * `unknown`), an object whose members have shapes of their own, or a one-element array whose element
 * is the shape of every item. A member may be absent or null when its name or its kind ends in `?`.
 * Members not listed are ignored (schemas are partial, so provider additions never break a call).
 */
export type WireShape = string | readonly [WireShape] | { readonly [member: string]: WireShape };

const kindOf = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

/**
 * The first member of `value` that does not fit `shape`, as `path: problem`, or undefined when it
 * fits. The path is kept as segments and joined only for a problem: every call's answer fits, and
 * building each member's path string cost the check most of its 0.075 M instructions a call.
 * @param at - The path so far (segments; changed while the check runs).
 */
export function wireMisfit(
  value: unknown,
  shape: WireShape,
  at: string[] = [],
): string | undefined {
  const expected = typeof shape === 'string' ? shape : Array.isArray(shape) ? 'array' : 'object';
  const actual = kindOf(value);
  if (expected !== 'unknown' && actual !== expected)
    return at.length
      ? `${at.join('.')}: expected ${expected}, got ${actual}`
      : `not an ${expected}`;
  if (typeof shape === 'string') return undefined;
  const array = Array.isArray(shape);
  for (const key in array ? (value as unknown[]) : shape) {
    const inner: WireShape = array ? shape[0] : (shape as Record<string, WireShape>)[key]!;
    const optional =
      (!array && key.endsWith('?')) || (typeof inner === 'string' && inner.endsWith('?'));
    const name = !array && key.endsWith('?') ? key.slice(0, -1) : key;
    at.push(name);
    const member = (value as Record<string, unknown>)[name];
    const problem =
      member == null
        ? optional
          ? undefined
          : `${at.join('.')}: missing`
        : wireMisfit(member, typeof inner === 'string' ? inner.replace('?', '') : inner, at);
    if (problem) return problem;
    at.pop();
  }
  return undefined;
}
