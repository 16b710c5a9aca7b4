// Runtime-neutral assertions for test/shared/cases.mjs: the same cases run in vitest (node, Chromium,
// workerd), Deno, Bun and the plain-miniflare worker bundle, so no node:assert and no vitest `expect`.
// JSDoc types matter: `deno test` type-checks what the .ts test imports (runtimes.md P9).

export class AssertionError extends Error {
  name = 'AssertionError';
}

/** @param {unknown} cond @param {string} [msg] @returns {asserts cond} */
export function assert(cond, msg = 'assertion failed') {
  if (!cond) throw new AssertionError(msg);
}

/** @param {unknown} v */
const show = (v) => {
  try {
    return typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  } catch {
    return String(v);
  }
};

/** Strict (Object.is) equality. @param {unknown} actual @param {unknown} expected @param {string} [msg] */
export function equal(actual, expected, msg) {
  if (!Object.is(actual, expected))
    throw new AssertionError(
      `${msg ? msg + ': ' : ''}expected ${show(expected)}, got ${show(actual)}`,
    );
}

/** @param {unknown} a @param {unknown} b @returns {boolean} */
function same(a, b) {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Date) return a.getTime() === /** @type {Date} */ (b).getTime();
  if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b)) {
    const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    return x.length === y.length && x.every((v, i) => v === y[i]);
  }
  if (a instanceof Map && b instanceof Map)
    return a.size === b.size && [...a].every(([k, v]) => b.has(k) && same(v, b.get(k)));
  if (a instanceof Set && b instanceof Set)
    return a.size === b.size && [...a].every((v) => b.has(v));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every(
      (k) => Object.hasOwn(b, k) && same(/** @type {any} */ (a)[k], /** @type {any} */ (b)[k]),
    )
  );
}

/** Structural equality (own enumerable keys, same prototypes). @param {unknown} actual @param {unknown} expected @param {string} [msg] */
export function deepEqual(actual, expected, msg) {
  if (!same(actual, expected))
    throw new AssertionError(
      `${msg ? msg + ': ' : ''}expected ${show(expected)}, got ${show(actual)}`,
    );
}

/**
 * Awaits a promise that must reject; `predicate` (optional) checks the error.
 * @param {Promise<unknown> | (() => Promise<unknown>)} promise
 * @param {(err: any) => boolean} [predicate]
 * @param {string} [msg]
 * @returns {Promise<any>} the rejection reason
 */
export async function rejects(promise, predicate, msg) {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (err) {
    if (predicate && !predicate(err))
      throw new AssertionError(
        `${msg ? msg + ': ' : ''}rejected with an unexpected error: ${String(err)}`,
      );
    return err;
  }
  throw new AssertionError(`${msg ? msg + ': ' : ''}expected a rejection, but it resolved`);
}

/**
 * Asserts that a value is plain data: only strings, finite numbers, booleans, null and undefined,
 * in arrays and objects whose prototype is Array.prototype or Object.prototype all the way down,
 * with no functions, getters, symbol keys, cycles, Dates, Maps or class instances. Then checks that
 * it survives `structuredClone` and a `postMessage` round trip through a MessageChannel (where the
 * runtime has one; `requirePostMessage` makes its absence a failure) unchanged. A JSON round trip
 * proves none of this: JSON.stringify drops functions and turns Dates and Maps into strings or {}.
 * @param {unknown} value
 * @param {string} label
 * @param {{ requirePostMessage?: boolean }} [opts]
 */
export async function assertPlainData(value, label, opts = {}) {
  checkPlain(value, label, new Set());
  deepEqual(structuredClone(value), value, `${label}: structuredClone`);
  if (typeof MessageChannel !== 'function') {
    assert(!opts.requirePostMessage, `${label}: this runtime has no MessageChannel`);
    return;
  }
  deepEqual(await postMessageRoundTrip(value), value, `${label}: postMessage round trip`);
}

/** @param {unknown} v @param {string} path @param {Set<object>} seen */
function checkPlain(v, path, seen) {
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'boolean') return;
  if (typeof v === 'number') {
    assert(Number.isFinite(v), `${path}: ${v} is not a finite number`);
    return;
  }
  assert(typeof v === 'object', `${path}: a ${typeof v} is not plain data`);
  assert(!seen.has(v), `${path}: a cycle`);
  seen.add(v);
  const proto = Object.getPrototypeOf(v);
  const isArray = Array.isArray(v);
  assert(
    isArray ? proto === Array.prototype : proto === Object.prototype,
    `${path}: an instance of ${proto?.constructor?.name ?? 'a null prototype'}, not a plain ${isArray ? 'array' : 'object'}`,
  );
  assert(Object.getOwnPropertySymbols(v).length === 0, `${path}: symbol keys`);
  for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(v))) {
    if (isArray && key === 'length') continue;
    assert('value' in d, `${path}.${key}: a getter or setter`);
    checkPlain(d.value, `${path}.${key}`, seen);
  }
  seen.delete(v);
}

/** Sends a value through a MessageChannel and resolves with what arrives. @param {unknown} value */
function postMessageRoundTrip(value) {
  const { port1, port2 } = new MessageChannel();
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  return new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new AssertionError('postMessage: no message in 5 s')), 5000);
    port2.addEventListener('message', (e) => resolve(e.data), { once: true });
    port2.addEventListener('messageerror', () =>
      reject(new AssertionError('postMessage: messageerror')),
    );
    port2.start();
    port1.postMessage(value);
  }).finally(() => {
    clearTimeout(timer);
    port1.close();
    port2.close();
  });
}
