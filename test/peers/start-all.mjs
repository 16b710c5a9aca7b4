// The one place that knows which peers the tests need: the loopback provider emulator, Steady (OpenAI
// spec) and Prism (Anthropic, Gemini, Vertex specs). Used by test/global-setup.ts (vitest),
// scripts/with-peers.mjs (Deno, Bun), scripts/run-worker-bundle.mjs and scripts/run-all-tests.mjs.
// A new peer is added here only.
//
// Reuse: if every URL below is already in the environment (scripts/run-all-tests.mjs starts the peers
// once for the whole `npm test` run: each Prism start costs ~6 s of a 2-core machine), those peers are
// used and close() leaves them alone.
import { prepareGoogleSpecs } from '../../scripts/prepare-google-specs.mjs';
import { startEmulator } from '../emulator/server.mjs';
import { ANTHROPIC_SPEC, startPrism } from './prism.mjs';
import { startSteady } from './steady.mjs';

/** env var name -> vitest `inject` key. */
export const PEER_ENV = /** @type {const} */ ({
  EMULATOR_URL: 'emulatorUrl',
  STEADY_URL: 'steadyUrl',
  PRISM_ANTHROPIC_URL: 'prismAnthropicUrl',
  PRISM_GEMINI_URL: 'prismGeminiUrl',
  PRISM_VERTEX_URL: 'prismVertexUrl',
});

/**
 * @typedef {{ [K in keyof typeof PEER_ENV]: string }} PeerEnv
 * @typedef {{ [K in keyof typeof PEER_ENV as (typeof PEER_ENV)[K]]: string }} PeerUrls
 * @returns {Promise<{ env: PeerEnv, urls: PeerUrls, reused: boolean, close: () => Promise<void> }>}
 */
export async function startAllPeers() {
  const names = /** @type {(keyof typeof PEER_ENV)[]} */ (Object.keys(PEER_ENV));
  if (names.every((n) => process.env[n])) {
    const env = /** @type {PeerEnv} */ (Object.fromEntries(names.map((n) => [n, process.env[n]])));
    return { env, urls: toUrls(env), reused: true, close: async () => {} };
  }
  const googleSpecs = prepareGoogleSpecs(); // test-peers.md §2.4; cached in .tmp/specs
  const started = await Promise.allSettled([
    startEmulator({}),
    startSteady(),
    startPrism(ANTHROPIC_SPEC),
    startPrism(googleSpecs.gemini),
    startPrism(googleSpecs.vertex),
  ]);
  const handles = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const close = async () => void (await Promise.allSettled(handles.map((h) => h.close())));
  const failed = started.find((r) => r.status === 'rejected');
  if (failed) {
    await close(); // do not leave the peers that did start running
    throw /** @type {PromiseRejectedResult} */ (failed).reason;
  }
  const [emulator, steady, prismAnthropic, prismGemini, prismVertex] = handles;
  /** @type {PeerEnv} */
  const env = {
    EMULATOR_URL: emulator.url,
    STEADY_URL: steady.url,
    PRISM_ANTHROPIC_URL: prismAnthropic.url,
    PRISM_GEMINI_URL: prismGemini.url,
    PRISM_VERTEX_URL: prismVertex.url,
  };
  return { env, urls: toUrls(env), reused: false, close };
}

/** @param {PeerEnv} env @returns {PeerUrls} */
function toUrls(env) {
  return /** @type {PeerUrls} */ (
    Object.fromEntries(
      Object.entries(PEER_ENV).map(([n, key]) => [key, env[/** @type {keyof PeerEnv} */ (n)]]),
    )
  );
}
