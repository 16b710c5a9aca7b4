// The mutation list (scripts/mutants-list.mjs, run by `npm run mutants`) plants each bug by replacing
// its `find` text in its file: once code moves or is rewritten, an anchor that no longer matches
// would make the next mutation run refuse to start. Checked here, with every test run, so the list
// follows the code.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { MUTANTS } from '../scripts/mutants-list.mjs';

it('every mutant anchor is found exactly once in its file, and the ids are unique', () => {
  const misplaced = MUTANTS.filter(
    (m: { file: string; find: string }) =>
      readFileSync(m.file, 'utf8').split(m.find).length - 1 !== 1,
  ).map((m: { id: string; file: string }) => `${m.id} (${m.file})`);
  expect(misplaced).toEqual([]);
  const ids = MUTANTS.map((m: { id: string }) => m.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBeGreaterThanOrEqual(103);
});
