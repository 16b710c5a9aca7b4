// The README's "Failure handling" table says what the fault matrix (test/shared/fault-matrix-table.mjs)
// asserts in every runtime: this test keeps the two in step, cell by cell.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { failureTable } from './shared/fault-matrix-table.mjs';

/** The rows of the first Markdown table after `heading`, as trimmed cells, header and rule dropped. */
function tableAfter(markdown: string, heading: string): string[][] {
  const start = markdown.indexOf(heading);
  expect(start, `README has "${heading}"`).toBeGreaterThan(-1);
  const lines = markdown.slice(start).split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split(' | ')
        .map((c) => c.trim()),
    );
  }
  return rows.slice(2);
}

it('the README failure-handling table matches the fault matrix', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  expect(tableAfter(readme, '### Failure handling')).toEqual(failureTable());
});
