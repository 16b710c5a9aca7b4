// Steady (@stdy/cli, see ../shared/docs/test-peers.md §2.1): a mock server that validates every
// OpenAI-shaped request against the official, unmodified OpenAPI spec.
//
// startSteady() -> { url, rawUrl, close() }
//   url     loopback proxy in front of Steady that stands for https://api.openai.com, like the emulator:
//           {url}/v1/chat/completions -> Steady's /chat/completions. The spec's paths have NO /v1
//           prefix (its `servers` URL https://api.openai.com/v1 carries it), so on Steady itself
//           POST /chat/completions validates and POST /v1/chat/completions is 404 (E2001); the SDK
//           always sends /v1/... (its endpoint strips a trailing /v1), hence the mapping. Paths
//           outside /v1 get a 404 from the proxy, so a missing /v1 in the SDK is not hidden.
//           The proxy also adds CORS: Steady sends no CORS headers and answers OPTIONS with 405, so a
//           browser page could not call it (runtimes.md P8); x-steady-* headers are exposed.
//   rawUrl  Steady itself (spec paths, no CORS).
//   close() stops the proxy and kills Steady by its own PID (runtimes.md P12).
//
// Harness rule (test-peers.md §2.1): after every call assert `x-steady-error-count` is '0', not only
// the status: range/format violations come back as 200 plus error headers.
// Plain .mjs because Node 20 runs this file directly from scripts/ (runtimes.md P11).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// In CI the repo is a fresh clone with ../shared beside it; OPENAI_SPEC overrides for other layouts.
export const OPENAI_SPEC = resolve(
  process.env.OPENAI_SPEC ?? resolve(ROOT, '../shared/specs/openai-openapi.yaml'),
);
// The native binary gives one PID to kill; node_modules/.bin/steady is a wrapper that spawns a child.
const BIN = resolve(ROOT, 'node_modules/@stdy/cli-linux-x64/bin/steady');

/** @returns {Promise<number>} a port that was free a moment ago (Steady needs an explicit -p). */
export function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (s.address());
      s.close(() => ok(port));
    });
  });
}

// One process 'exit' hook for all peers (one listener per peer trips MaxListenersExceededWarning):
// never leave an orphan if the parent dies without calling close().
const live = new Set();
let hooked = false;
/** @param {import('node:child_process').ChildProcess} child @returns {() => void} untrack */
export function killOnExit(child) {
  if (!hooked) {
    hooked = true;
    process.once('exit', () => live.forEach((c) => c.kill('SIGKILL')));
  }
  live.add(child);
  return () => live.delete(child);
}

/**
 * @param {{ spec?: string, timeoutMs?: number }} [opts]
 * @returns {Promise<{ url: string, rawUrl: string, close: () => Promise<void> }>}
 */
export async function startSteady(opts) {
  return retryOnEarlyExit(() => startSteadyOnce(opts));
}

/**
 * freePort() closes its probe socket before the peer binds, so another process can take the port in
 * between; the peer then exits at once ("address in use"). Retry such early exits (twice).
 * @template T @param {() => Promise<T>} start @returns {Promise<T>}
 */
export async function retryOnEarlyExit(start) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (e) {
      if (attempt >= 3 || !(e instanceof Error && /exited.*before/.test(e.message))) throw e;
    }
  }
}

/** @param {{ spec?: string, timeoutMs?: number }} [opts] */
async function startSteadyOnce({ spec = OPENAI_SPEC, timeoutMs = 180_000 } = {}) {
  if (!existsSync(BIN)) throw new Error(`Steady binary missing: ${BIN} (run npm ci)`);
  if (!existsSync(spec))
    throw new Error(`OpenAPI spec missing: ${spec} (../shared beside the repo?)`);
  const port = await freePort();
  const rawUrl = `http://127.0.0.1:${port}`;
  const child = spawn(BIN, ['--host', '127.0.0.1', '-p', String(port), '-q', '--no-color', spec], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => (log = (log + d).slice(-4000)));
  child.stderr.on('data', (d) => (log = (log + d).slice(-4000)));
  let exited = false;
  const exit = new Promise((r) => child.once('exit', () => r((exited = true))));
  const untrack = killOnExit(child);

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`Steady exited before becoming healthy:\n${log}`);
    try {
      if ((await fetch(`${rawUrl}/_x-steady/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Steady not healthy after ${timeoutMs} ms:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  const proxy = await corsProxy(port);
  const url = `http://127.0.0.1:${/** @type {any} */ (proxy.address()).port}`;
  return {
    url,
    rawUrl,
    async close() {
      untrack();
      proxy.closeAllConnections();
      await new Promise((r) => proxy.close(r));
      if (!exited) {
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 2000);
        await exit;
        clearTimeout(t);
      }
    },
  };
}

/** Streaming reverse proxy: strips /v1, adds CORS; bodies and SSE pass through unchanged. */
function corsProxy(targetPort) {
  const server = http.createServer((req, res) => {
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
      'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
      'access-control-expose-headers': '*', // lets browser tests read x-steady-error-count
      'access-control-max-age': '600',
    };
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      res.writeHead(204, cors).end();
      return;
    }
    const url = req.url ?? '/';
    const path = url.startsWith('/v1/') ? url.slice(3) : url.startsWith('/_x-steady/') ? url : null;
    if (path === null) {
      res.writeHead(404, { ...cors, 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: `steady proxy: ${url} is outside /v1 (use {url}/v1/...)` }));
      return;
    }
    const up = http.request(
      { host: '127.0.0.1', port: targetPort, method: req.method, path, headers: req.headers },
      (r) => {
        res.writeHead(r.statusCode ?? 502, { ...r.headers, ...cors });
        r.pipe(res);
      },
    );
    up.on('error', (e) => {
      if (!res.headersSent) res.writeHead(502, cors);
      res.end(String(e));
    });
    req.pipe(up);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}
