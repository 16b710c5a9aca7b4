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

/** An object literal on one line, Prettier's spacing: `{ a: 1, b: { c: true } }`. */
const inline = (value) => {
  const entries = Object.entries(value);
  if (!entries.length) return '{}';
  const member = ([k, v]) =>
    `${k}: ${v && typeof v === 'object' && !Array.isArray(v) ? inline(v) : lit(v)}`;
  return `{ ${entries.map(member).join(', ')} }`;
};

/**
 * A spec as an object literal at `indent`: one member per line, nested objects (capabilities,
 * pricing, reasoning) on the member's line. Generated data, not formatted by Prettier
 * (.prettierignore): Prettier would break every nested object over 100 columns, and a family file
 * of a dozen models then ran past 400 lines of one-word lines.
 */
export function objectLiteral(value, indent) {
  const pad = ' '.repeat(indent + 2);
  const member = ([k, v]) =>
    `${pad}${k}: ${v && typeof v === 'object' && !Array.isArray(v) ? inline(v) : lit(v)},`;
  return `{\n${Object.entries(value).map(member).join('\n')}\n${' '.repeat(indent)}}`;
}
