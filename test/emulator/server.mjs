// Loopback provider emulator: a tiny HTTP server (Node built-ins only) that speaks the
// providers' wire formats and can inject faults. Test harnesses start it in Node and reach
// it over HTTP from Node, Chromium, Deno, Bun and workerd, so every response is CORS-open.
//
// Request pipeline (order matters, tests rely on it):
//   OPTIONS            -> 204 CORS preflight (never logged)
//   /_control/<id>     -> scenario control (never logged)
//   /s/<id>/<rest>     -> <rest> is routed in scenario <id> (no prefix: scenario "default")
//   1. log the request in its scenario (BEFORE faults, so retries/attempts can be counted)
//   2. apply the next fault of the scenario, if any
//   3. route lookup (404 in the route's dialect, OpenAI by default)
//   4. auth check (dialect), 5. JSON body check (dialect), 6. route handler
//
// Adding a provider: write `test/emulator/<provider>.mjs` exporting `routes` (see the Route
// shape below) and add it to ROUTE_MODULES, or call registerRoutes() from a harness.
import http from 'node:http';
import { faultQueue, nextFault, faultOutcome, writePartial, closedPort } from './faults.mjs';
import { RATE_LIMIT_HEADERS, spendRateLimit } from './rate-limits.mjs';
import * as openai from './openai.mjs';
import * as anthropic from './anthropic.mjs';
import * as gemini from './gemini.mjs';
import * as openaiBatch from './openai-batch.mjs';
import * as anthropicBatch from './anthropic-batch.mjs';
import * as geminiBatch from './gemini-batch.mjs';

/**
 * Route = { method: 'GET'|'POST'|..., match(path) => boolean, dialect, handle(ctx) => Result,
 *           raw?: true (the body need not be JSON) }
 * Dialect = { name, headers?(ctx) => object, notFound(ctx), invalidJson(ctx), checkAuth(ctx) => Result|null,
 *             faultError(status, ctx, fault?) => Result, streamError(ctx, seq, fault) => string (a framed SSE
 *             error event, what the provider sends when it fails after its 200; `seq` is the number
 *             of events sent before it), rateLimited?(ctx, waitMs) => Result (the 429 of a spent
 *             rate-limit window, when the provider's differs from faultError(429) + `retry-after`) }
 * Result = { status?, headers?, json? } | { status?, headers?, body: string, contentType? }
 *        | { status?, headers?, sse: string[], holdOpen? }  (sse: fully framed events, written one by
 *          one; holdOpen: the body is not ended after them)
 * ctx = { method, path, query: URLSearchParams, headers, body, rawBody, bodyError: boolean,
 *         scenario: { id, reply, requireAuth, echoKey, strictModels }, requestId }
 *
 * Auth: like the providers, every dialect refuses a request without a key (its own 401/403 body)
 * unless the scenario opts out with `requireAuth: false` (vLLM and compatible servers run keyless).
 * `echoKey: true` makes the dialect reject every key it is given with a 401 whose body repeats the
 * key in full (OpenAI's real message echoes it masked), to prove the SDK never lets it through.
 */
// ---- Provider route modules. Add Anthropic (POST /v1/messages), Gemini, Vertex here. ----
const ROUTE_MODULES = [openai, anthropic, gemini, openaiBatch, anthropicBatch, geminiBatch];
const DEFAULT_DIALECT = openai.dialect;

const routeTable = ROUTE_MODULES.flatMap((m) => m.routes);
// The dialect of each request being answered, for its stream's error event.
const dialects = new WeakMap();
const dialectOf = (ctx) => dialects.get(ctx) ?? DEFAULT_DIALECT;

/** Adds routes (e.g. from a future anthropic.mjs) to every emulator started in this process. */
export function registerRoutes(routes) {
  for (const r of routes) if (!routeTable.includes(r)) routeTable.push(r);
}
export { routeTable as routes };

const EXPOSED = [
  'retry-after',
  'retry-after-ms',
  'x-request-id',
  'x-should-retry',
  'request-id',
  'x-emulator-request-count',
  'openai-processing-ms',
  'openai-version',
  ...RATE_LIMIT_HEADERS,
].join(', ');

const SCENARIO_RE = /^\/s\/([A-Za-z0-9_-]+)(\/.*)?$/;
const CONTROL_RE = /^\/_control\/([A-Za-z0-9_-]+)\/?$/;

function freshScenario(id) {
  return {
    id,
    faults: [],
    reply: undefined,
    requireAuth: true,
    echoKey: false,
    strictModels: false,
    batch: undefined,
    rateLimit: undefined,
    rateWindow: undefined,
    requests: [],
  };
}

export async function startEmulator({ port = 0, host = '127.0.0.1' } = {}) {
  const scenarios = new Map();
  const sockets = new Set();
  const timers = new Set();
  let counter = 0;
  let closed = false;

  const scenario = (id) => {
    if (!scenarios.has(id)) scenarios.set(id, freshScenario(id));
    return scenarios.get(id);
  };

  // A cancellable sleep: close() clears pending timers so delayed requests don't keep Node alive.
  const sleep = (ms) =>
    new Promise((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const baseHeaders = (requestId, sc) => ({
    'access-control-allow-origin': '*',
    'access-control-expose-headers': EXPOSED,
    'x-request-id': requestId,
    'x-emulator-request-count': String(sc ? sc.requests.length : 0),
  });

  async function send(res, result, headers, streamFault = {}, ctx = undefined, entry = undefined) {
    if (res.destroyed || res.headersSent) return;
    const status = result.status ?? 200;
    // A dialect removes a base header by setting it to undefined (Anthropic sends no x-request-id).
    const h = Object.fromEntries(
      Object.entries({ ...headers, ...result.headers }).filter(([, v]) => v !== undefined),
    );
    if (result.sse) {
      res.writeHead(status, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        ...h,
      });
      // Write frame by frame so clients really see a stream (and chunk boundaries move). The log
      // entry says how many frames went out, whether the client left before the end, and when it ended.
      const log = entry ? (entry.stream = { frames: 0, closedEarly: false }) : { frames: 0 };
      let ended = false;
      res.on('close', () => {
        if (!ended) log.closedEarly = true;
      });
      const { cutAfter, cutMidEvent, errorAfter, stallAfter, stallMs } = streamFault;
      for (const [i, frame] of result.sse.entries()) {
        if (i === stallAfter) {
          if (stallMs === undefined) return; // held open until the client leaves or close()
          await sleep(Number(stallMs));
        }
        if (i === cutAfter) {
          if (!cutMidEvent) return void res.socket?.destroy();
          // Half of the next event goes out first: the connection drops inside an event.
          res.write(frame.slice(0, frame.length >> 1));
          return void setTimeout(() => res.socket?.destroy(), 20);
        }
        if (i === errorAfter && ctx) {
          res.write(dialectOf(ctx).streamError(ctx, i, streamFault));
          break;
        }
        if (res.destroyed) return;
        res.write(frame);
        log.frames++;
        await new Promise((r) => setImmediate(r));
      }
      // A route's `holdOpen`: every frame went out, and the connection stays open until the client
      // leaves or close() (a proxy that never ends the body).
      if (result.holdOpen) return void (log.endedAt = Date.now());
      ended = true;
      log.endedAt = Date.now();
      res.end();
      return;
    }
    let body;
    let type;
    if ('json' in result) {
      body = JSON.stringify(result.json);
      type = 'application/json';
    } else {
      body = result.body ?? '';
      type = result.contentType ?? 'text/plain; charset=utf-8';
    }
    res.writeHead(status, {
      'content-type': type,
      'content-length': Buffer.byteLength(body),
      ...h,
    });
    res.end(body);
  }

  function readBody(req) {
    return new Promise((resolve, reject) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });
  }

  function parseBody(raw) {
    if (raw === '') return { body: null, bodyError: false };
    try {
      return { body: JSON.parse(raw), bodyError: false };
    } catch {
      return { body: raw, bodyError: true };
    }
  }

  async function handleControl(req, res, id, requestId) {
    const raw = await readBody(req);
    const sc = scenario(id);
    if (req.method === 'GET') {
      return send(res, { json: { requests: sc.requests } }, baseHeaders(requestId, sc));
    }
    if (req.method === 'DELETE') {
      scenarios.set(id, freshScenario(id));
      return send(res, { json: { ok: true } }, baseHeaders(requestId, null));
    }
    if (req.method === 'POST') {
      const { body, bodyError } = parseBody(raw);
      if (bodyError || (body !== null && (typeof body !== 'object' || Array.isArray(body)))) {
        return send(
          res,
          { status: 400, json: { error: 'control body must be a JSON object' } },
          baseHeaders(requestId, sc),
        );
      }
      const cfg = body ?? {};
      const next = freshScenario(id);
      next.faults = faultQueue(cfg.faults);
      next.reply = cfg.reply ?? undefined;
      next.requireAuth = cfg.requireAuth !== false;
      next.echoKey = cfg.echoKey === true;
      // Unknown model ids get the provider's 404 (dialects that know the registry check them).
      next.strictModels = cfg.strictModels === true;
      // Batch jobs: `{ polls, outcome, processed }` (see batch-jobs.mjs).
      next.batch = cfg.batch ?? undefined;
      // `{ requests, tokens, windowMs }`: the scenario's rate limits (see rate-limits.mjs).
      next.rateLimit = cfg.rateLimit ?? undefined;
      scenarios.set(id, next);
      return send(res, { json: { ok: true } }, baseHeaders(requestId, next));
    }
    return send(
      res,
      { status: 405, json: { error: 'use GET, POST or DELETE' } },
      baseHeaders(requestId, sc),
    );
  }

  async function handle(req, res) {
    const requestId = `req_${++counter}`;
    const url = new URL(req.url ?? '/', 'http://emulator.local');

    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...baseHeaders(requestId, null),
        'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
        'access-control-allow-headers': req.headers['access-control-request-headers'] || '*',
        'access-control-max-age': '600',
        // Chromium's Private Network Access preflight (page on a public origin -> loopback).
        ...(req.headers['access-control-request-private-network'] === 'true'
          ? { 'access-control-allow-private-network': 'true' }
          : {}),
      });
      res.end();
      return;
    }

    // A port that refuses connections, for the "connection refused" cases of any runtime.
    if (url.pathname === '/_closed_port')
      return send(res, { json: { port: await closedPort(host) } }, baseHeaders(requestId, null));
    const control = CONTROL_RE.exec(url.pathname);
    if (control) return handleControl(req, res, control[1], requestId);

    let path = url.pathname;
    let id = 'default';
    const m = SCENARIO_RE.exec(path);
    if (m) {
      id = m[1];
      path = m[2] || '/';
    }
    const sc = scenario(id);
    const rawBody = await readBody(req);
    const { body, bodyError } = parseBody(rawBody);
    const entry = {
      method: req.method,
      path: path + url.search,
      headers: { ...req.headers },
      body,
      // When the request arrived (and, in `stream`, when a streamed answer ended): the emulator's clock.
      receivedAt: Date.now(),
    };
    sc.requests.push(entry);

    const route = routeTable.find((r) => r.method === req.method && r.match(path));
    const dialect = route?.dialect ?? DEFAULT_DIALECT;
    const ctx = {
      method: req.method,
      path,
      query: url.searchParams,
      headers: req.headers,
      body,
      rawBody,
      bodyError,
      // `reply` may be a list: the n-th request of the scenario gets the n-th entry (the last one
      // repeats), so tests can script a bad answer followed by a good one.
      scenario: {
        id,
        reply: Array.isArray(sc.reply)
          ? sc.reply[Math.min(sc.requests.length - 1, sc.reply.length - 1)]
          : sc.reply,
        requireAuth: sc.requireAuth,
        echoKey: sc.echoKey,
        strictModels: sc.strictModels,
        batch: sc.batch,
      },
      requestId,
    };
    const headers = baseHeaders(requestId, sc);

    const out = { ...headers, ...dialect.headers?.(ctx) };

    const fault = nextFault(sc);
    let streamFault;
    if (fault) {
      if (fault.delayMs) await sleep(Number(fault.delayMs));
      if (closed || res.destroyed) return;
      const outcome = faultOutcome(fault, dialect, ctx);
      if (outcome.action === 'hang') return; // held open until the client aborts or close()
      // Half a status line, then a reset: a network error before the headers. The bytes keep
      // Chromium from silently resending the request on a fresh socket (it does after a reset
      // with no bytes on a reused keep-alive socket), so every runtime sees one attempt per drop.
      if (outcome.action === 'drop')
        return void req.socket.end('HTTP/1.1 5', () => req.socket.destroy());
      if (outcome.action === 'cut' || outcome.action === 'stall')
        return writePartial(req, res, outcome, out);
      if (outcome.action === 'answer') return send(res, outcome.result, out);
      Object.assign(out, outcome.headers); // delay/headers-only fault: answer normally
      streamFault = outcome.stream;
    }

    if (!route) return send(res, dialect.notFound(ctx), out);
    const authError = dialect.checkAuth(ctx);
    if (authError) return send(res, authError, out);
    // A `raw` route reads a body that is not JSON (OpenAI's multipart file upload).
    if (bodyError && !route.raw) return send(res, dialect.invalidJson(ctx), out);
    if (req.method === 'POST') {
      const limit = spendRateLimit(sc, ctx, dialect);
      if (limit.refused) return send(res, limit.refused, out);
      Object.assign(out, limit.headers);
    }
    dialects.set(ctx, dialect);
    return send(res, await route.handle(ctx), out, streamFault, ctx, entry);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' });
        res.end(`emulator error: ${err?.stack ?? err}`);
      }
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = server.address().port;
  const shownHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${shownHost}:${actualPort}`,
    port: actualPort,
    close() {
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      const done = new Promise((resolve) => server.close(() => resolve()));
      // Destroy keep-alive and hung sockets, otherwise server.close() waits for them.
      for (const s of sockets) s.destroy();
      sockets.clear();
      return done;
    },
  };
}
