// Drives the provider emulator's control API from any runtime (plain fetch), so the shared cases can
// script faults and read back exactly what the SDK sent.

let counter = 0;

/**
 * @typedef {{ method: string, path: string, headers: Record<string, string>, body: any }} LoggedRequest
 * @typedef {{ endpoint: string, id: string, requests: () => Promise<LoggedRequest[]> }} Scenario
 */

/**
 * Creates a fresh scenario with its own request log.
 * @param {string} emulatorUrl
 * @param {Record<string, unknown>} [config] `{ faults, reply, requireAuth, strictModels }`
 * @returns {Promise<Scenario>}
 */
export async function scenario(emulatorUrl, config = {}) {
  const id = `c${Date.now().toString(36)}${(++counter).toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const res = await fetch(`${emulatorUrl}/_control/${id}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(config),
  });
  if (!res.ok) throw new Error(`emulator control failed: ${res.status}`);
  await res.body?.cancel();
  return {
    id,
    endpoint: `${emulatorUrl}/s/${id}`,
    async requests() {
      const r = await fetch(`${emulatorUrl}/_control/${id}`);
      return (await r.json()).requests;
    },
  };
}

/** A unique prompt, so cached results of other cases or runs never interfere. */
export function uniquePrompt(text = 'hello') {
  return `${text} ${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Wraps fetch to record every response's headers (for Steady's x-steady-* verdicts).
 * @returns {{ fetch: typeof fetch, responses: Array<{ url: string, status: number, headers: Headers }> }}
 */
export function recordingFetch() {
  /** @type {Array<{ url: string, status: number, headers: Headers }>} */
  const responses = [];
  /** @type {typeof fetch} */
  const wrapped = async (input, init) => {
    const res = await fetch(input, init);
    responses.push({ url: String(input), status: res.status, headers: res.headers });
    return res;
  };
  return { fetch: wrapped, responses };
}

/**
 * Polls a scenario's log until its streamed request's connection was closed by the client (an abort,
 * a break, an idle timeout): true once the emulator saw it, false after about five seconds (in a
 * full run Chromium's network service has taken over two seconds to close a cancelled socket).
 * @param {{ requests(): Promise<any[]> }} s - The scenario.
 */
export async function closedEarly(s) {
  for (let i = 0; i < 250; i++) {
    const [request] = await s.requests();
    if (request?.stream?.closedEarly) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}
