// A vitest reporter for scripts/run-all-tests.mjs: writes, per project (node, browser, workers) and
// per test file, how many tests passed, failed and were skipped, and whether the file itself broke
// (failed outside any test, e.g. in beforeAll or at import). vitest's JSON report has no project
// names, and the same runtime-neutral file runs in all three projects, so it cannot be split by
// runtime; this can. Usage: --reporter=./test/support/count-reporter.mjs, output path in
// ALEA_COUNT_REPORT.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';

/**
 * @typedef {{ passed: number, failed: number, skipped: number, broken: number }} FileCounts
 * @typedef {Record<string, Record<string, FileCounts>>} CountReport project -> file -> counts
 */

export default class CountReporter {
  /** @param {ReadonlyArray<any>} testModules @param {ReadonlyArray<unknown>} unhandledErrors */
  onTestRunEnd(testModules, unhandledErrors) {
    const out = process.env.ALEA_COUNT_REPORT;
    if (!out) return;
    /** @type {CountReport} */
    const report = {};
    for (const module of testModules) {
      const project = module.project.name || 'root';
      const file = relative(process.cwd(), module.moduleId);
      const counts = { passed: 0, failed: 0, skipped: 0, broken: 0 };
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
      if (module.state() === 'failed' && counts.failed === 0) counts.broken = 1;
      (report[project] ??= {})[file] = counts;
    }
    // Errors outside any module (an unhandled rejection) fail the run: count them under "run".
    if (unhandledErrors.length)
      report.run = {
        'unhandled errors': { passed: 0, failed: 0, skipped: 0, broken: unhandledErrors.length },
      };
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(report, null, 2));
  }
}
