#!/usr/bin/env node
// Runs dist/worker.bundle.js (built by `npm run build`: test/runtimes/worker.mjs + dist + all deps)
// in plain Miniflare with NO compatibility flags (no nodejs_compat): the proof that the built
// package runs unchanged in workerd (runtimes.md §4 path 2). Prints one line per case and a summary
// line `worker-bundle: N passed, M failed`; exits 1 on any failure.
// compatibilityDate must be <= 2026-05-03 for this workerd (P6); miniflare allows loopback (P7).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';
import { startAllPeers } from '../test/peers/start-all.mjs';

const scriptPath = fileURLToPath(new URL('../dist/worker.bundle.js', import.meta.url));
if (!existsSync(scriptPath)) {
  console.error(`${scriptPath} is missing: run npm run build first`);
  console.log('worker-bundle: 0 passed, 1 failed');
  process.exit(1);
}

const peers = await startAllPeers();
let mf;
let code = 1;
try {
  mf = new Miniflare({
    modules: true,
    scriptPath,
    compatibilityDate: '2026-04-01',
    kvNamespaces: ['CACHE'],
    bindings: peers.env, // EMULATOR_URL, STEADY_URL, PRISM_*_URL
  });
  const res = await mf.dispatchFetch('http://localhost/');
  const text = await res.text();
  /** @type {{ passed: number, failed: number, cases: {name: string, ok: boolean, ms: number}[], failures: {name: string, error: string}[] }} */
  let out;
  try {
    out = JSON.parse(text);
  } catch {
    throw new Error(`worker did not answer JSON (HTTP ${res.status}):\n${text.slice(0, 2000)}`);
  }
  for (const c of out.cases) console.log(`${c.ok ? '✓' : '✗'} ${c.name} (${c.ms} ms)`);
  for (const f of out.failures) console.log(`\nFAIL ${f.name}\n${f.error}`);
  console.log(`worker-bundle: ${out.passed} passed, ${out.failed} failed`);
  code = out.failed === 0 && out.passed > 0 ? 0 : 1;
} catch (e) {
  console.error(e);
  // A crash counts as one failure so that run-all-tests still sees it in the totals.
  console.log('worker-bundle: 0 passed, 1 failed');
} finally {
  await mf?.dispose();
  await peers.close();
}
process.exit(code);
