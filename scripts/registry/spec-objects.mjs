// The per-family files a chat call loads hold ready ModelSpec objects (issue 14): the call then needs
// no decoder. specOf is src/registry/decode-model-spec.ts in plain JS, from the same compact row, so
// test/registry-buckets.test.ts can prove both forms equal for every model; members that decode to
// `undefined` are left out (every reader of a spec treats absent and undefined alike).

import { FLAG, lit } from './encode.mjs';

const NAMES = Object.keys(FLAG);
const PRICES = ['input', 'output', 'cachedInput', 'cacheWrite', 'cacheWrite1h'];

/** Prices from `row[at]` on, by name; unknown (null or missing) prices are left out. */
const prices = (row, at) =>
  Object.fromEntries(PRICES.map((n, i) => [n, row[at + i]]).filter(([, v]) => v != null));

/** The flags of bits `from` to `to` (excluded), as booleans by name, in bit order. */
const flags = (f, from, to) =>
  Object.fromEntries(NAMES.slice(from, to).map((n, i) => [n, ((f >> (from + i)) & 1) === 1]));

/** Drops the members whose value is undefined (the spec object leaves them out). */
const defined = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** The spec of one compact row (see ModelRow), as decodeModelSpec returns it, minus undefined members. */
export function specOf(provider, row) {
  const [id, contextWindow, maxOutputTokens, f, priceRow, efforts, budget] = row;
  const threshold = priceRow?.[5] ?? undefined;
  const pricing = priceRow
    ? defined({
        ...prices(priceRow, 0),
        longContext: threshold === undefined ? undefined : { threshold, ...prices(priceRow, 6) },
      })
    : {};
  return defined({
    id,
    provider,
    contextWindow,
    maxOutputTokens,
    capabilities: flags(f, 0, 7),
    ...flags(f, 7, 12),
    reasoning:
      efforts || budget
        ? defined({
            efforts: efforts ? efforts.split(' ') : undefined,
            budgetMin: budget?.[0],
            budgetMax: budget?.[1],
          })
        : undefined,
    serviceTiers: ['flex', 'priority'].filter((_, i) => (f >> (12 + i)) & 1),
    pricing,
  });
}

/**
 * An object literal at `indent` in Prettier's format: every non-empty object one member per line
 * (Prettier keeps an object broken when its first member starts a new line), arrays of strings on
 * one line (they are short).
 */
export function objectLiteral(value, indent) {
  const entries = Object.entries(value);
  if (!entries.length) return '{}';
  const pad = ' '.repeat(indent + 2);
  const member = ([k, v]) =>
    `${pad}${k}: ${v && typeof v === 'object' && !Array.isArray(v) ? objectLiteral(v, indent + 2) : lit(v)},`;
  return `{\n${entries.map(member).join('\n')}\n${' '.repeat(indent)}}`;
}
