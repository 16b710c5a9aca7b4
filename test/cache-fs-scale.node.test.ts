// The fs store at scale (issue 14, "Load and memory"): 20,000 entries in 50 model folders, listed
// and pruned (half are from 2020) in a child process with --expose-gc, against dist/. The bounds
// (README, Development) are loose enough for a loaded 2-core CI machine and tight enough to catch
// a quadratic walk or a prune that reads every entry before deleting any: one entry at a time the
// prune took 36 s here, and each decoded entry holds 8 kB, so holding them all would take 160 MB.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { requireDist } from './support/bundle-consumer.ts';

const ENTRIES = 20_000;
/** The documented bounds: time in ms, heap growth above the settled heap in MB. */
export const FS_SCALE_BOUNDS = { listMs: 3_000, listMB: 48, pruneMs: 20_000, pruneMB: 48 };

const dir = mkdtempSync(join(tmpdir(), 'alea-fs-scale-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it(`an fs store with ${ENTRIES} entries: listCacheKeys <= ${FS_SCALE_BOUNDS.listMs} ms and pruneCache <= ${FS_SCALE_BOUNDS.pruneMs} ms, each <= ${FS_SCALE_BOUNDS.pruneMB} MB of heap`, async () => {
  requireDist();
  const child = fileURLToPath(new URL('support/fs-scale-child.mjs', import.meta.url));
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--expose-gc', child, dir, String(ENTRIES)],
    { timeout: 90_000 },
  );
  const m = JSON.parse(stdout);
  console.log(`fs store, ${ENTRIES} entries:`, m);
  expect(m).toMatchObject({ listed: ENTRIES, sorted: true, removed: ENTRIES / 2 });
  expect(m.remaining).toBe(ENTRIES / 2);
  expect(m.listMs).toBeLessThanOrEqual(FS_SCALE_BOUNDS.listMs);
  expect(m.listPeakMB).toBeLessThanOrEqual(FS_SCALE_BOUNDS.listMB);
  expect(m.pruneMs).toBeLessThanOrEqual(FS_SCALE_BOUNDS.pruneMs);
  expect(m.prunePeakMB).toBeLessThanOrEqual(FS_SCALE_BOUNDS.pruneMB);
}, 120_000);
