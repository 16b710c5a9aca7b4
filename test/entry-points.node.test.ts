// The entry points the shared case "entry points: …" checks in every runtime
// (test/shared/cases-entry-points.mjs) are exactly package.json's "exports": a new entry point
// without a row there, or a row for an entry point that is gone, fails here.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ENTRY_POINTS, NOT_LOADABLE } from './shared/cases-entry-points.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

it('the entry points tested in every runtime are exactly package.json "exports"', () => {
  expect(Object.keys(ENTRY_POINTS).sort()).toEqual(Object.keys(pkg.exports).sort());
});

it('an entry point left out of a runtime is one of the tested ones, with its reason', () => {
  for (const [entry, { runtimes, reason }] of Object.entries(NOT_LOADABLE)) {
    expect(Object.keys(ENTRY_POINTS)).toContain(entry);
    expect(runtimes.length).toBeGreaterThan(0);
    expect(runtimes).not.toContain('node');
    expect(reason).toMatch(/\S/);
  }
});
