// Starts bench/instant-server.mjs in its own process (so its work is not counted as the client's)
// and waits for its port.
import { spawn } from 'node:child_process';
import { once } from 'node:events';

/**
 * @returns {Promise<{ base: string, stop: () => void }>} The server's origin, and a way to stop it.
 */
export async function startInstantServer() {
  const server = spawn(
    process.execPath,
    [new URL('./instant-server.mjs', import.meta.url).pathname],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [line] = await once(server.stdout, 'data');
  return {
    base: `http://127.0.0.1:${/PORT=(\d+)/.exec(String(line))[1]}`,
    stop: () => server.kill('SIGTERM'),
  };
}

/**
 * The raw fetch baseline of the benches: one chat completion, its text.
 * @param {string} base - The instant server's origin.
 * @param {unknown} messages - The chat messages.
 * @returns {() => Promise<string>}
 */
export const rawFetchChat = (base, messages) => async () => {
  const res = await fetch(`${base}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer k' },
    body: JSON.stringify({ model: 'gpt-4o-mini', messages }),
  });
  return (await res.json()).choices[0].message.content;
};
