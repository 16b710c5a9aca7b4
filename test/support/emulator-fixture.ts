// Shared set-up for the emulator's own tests (test/emulator-*.node.test.ts): each file starts one
// loopback emulator for its tests and talks to it through these helpers.
import { beforeAll, afterAll, expect } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../emulator/server.mjs';

export type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A minimal valid chat body; `extra` overrides or adds fields. */
export const chat = (extra: Json = {}) => ({
  model: 'gpt-4o',
  messages: [{ role: 'user', content: 'hello there world' }],
  ...extra,
});

/**
 * Starts an emulator before the calling file's tests and closes it after them. Call it at the top
 * level of a test file. `url` is a getter because the server only exists once beforeAll has run.
 */
export function useEmulator() {
  let emu: EmulatorHandle;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(async () => {
    await emu?.close();
  });

  async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
    return fetch(emu.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sk-test', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }
  async function postJson(path: string, body: unknown, headers?: Record<string, string>) {
    const res = await post(path, body, headers);
    return { res, json: (await res.json()) as Json };
  }
  /** Configures scenario `id` (faults, reply overrides); a POST also clears its request log. */
  async function control(id: string, config: unknown) {
    const res = await post(`/_control/${id}`, config);
    expect(res.status).toBe(200);
  }
  /** The requests scenario `id` has logged so far. */
  async function log(id: string): Promise<Json[]> {
    return ((await (await fetch(`${emu.url}/_control/${id}`)).json()) as Json).requests;
  }

  return {
    get url() {
      return emu.url;
    },
    post,
    postJson,
    control,
    log,
  };
}
