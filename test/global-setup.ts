// Vitest globalSetup, in Node: starts the provider emulator and the spec peers (Steady, Prism; see
// test/peers/start-all.mjs) and `provide`s their URLs; tests read them with `inject('emulatorUrl')`
// in node, Chromium and workerd alike (runtimes.md §3). The peers are plain .mjs so that Node 20
// can also run them from scripts/ (runtimes.md P11).
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startAllPeers } from './peers/start-all.mjs';

// Vitest 4 runs a root-level globalSetup once PER PROJECT plus once for the root (4 times for
// `vitest run`, twice for `--project node`), all in this one Node process. Starting Steady + 3 Prisms
// each time costs ~1 GB and minutes on 2 cores, so the peers are started once, shared through a
// globalThis slot (the setup module itself may be loaded once per project), and closed by the last
// teardown. Under `npm test` they are not started here at all (run-all-tests passes their URLs).
const SLOT = Symbol.for('alea-llm-client.test-peers');
type Shared = { peers: ReturnType<typeof startAllPeers>; users: number };
const g = globalThis as typeof globalThis & { [SLOT]?: Shared };

export default async function setup(project: TestProject) {
  const shared = (g[SLOT] ??= { peers: startAllPeers(), users: 0 });
  shared.users++;
  const { urls, close } = await shared.peers;
  for (const [key, url] of Object.entries(urls)) project.provide(key as keyof typeof urls, url);
  return async () => {
    if (--shared.users > 0) return;
    delete g[SLOT];
    await close();
    // The node project's fs-cache folder (vitest.config.ts), a fresh temp dir per run.
    const dir = process.env.ALEA_VITEST_CACHE_DIR;
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Loopback provider emulator (test/emulator/server.mjs), CORS enabled. */
    emulatorUrl: string;
    /** Steady behind a CORS proxy that stands for https://api.openai.com ({url}/v1/chat/completions). */
    steadyUrl: string;
    /** Prism validating requests against ../shared/specs/anthropic-openapi.json (422 on violations). */
    prismAnthropicUrl: string;
    /** Prism on the prepared Gemini API spec (scripts/prepare-google-specs.mjs; 422 on violations). */
    prismGeminiUrl: string;
    /** Prism on the prepared Vertex AI spec (Swagger 2.0 from the discovery document). */
    prismVertexUrl: string;
  }
}
