import type { CacheEntry, CacheStore } from '../cache/cache-store.ts';
import { isCacheEntry } from '../cache/is-cache-entry.ts';
import { resolveKey } from '../keys/resolve-key.ts';
import type { CallMethod, ModelCall, ProviderAdapter, WireRequest } from './adapter.ts';
import type { CacheProblem } from './cache-warning.ts';
import { createCallSignal, untilAborted } from './call-signal.ts';
import { APICallError } from './errors/api-call-error.ts';
import { InvalidRequestError } from './errors/invalid-request-error.ts';
import { RetryError } from './errors/retry-error.ts';
import { TimeoutError } from './errors/timeout-error.ts';
import {
  DEFAULT_MAX_REPAIRS,
  DEFAULT_RETRY_DELAY,
  DEFAULT_RETRY_LIMIT,
  DEFAULT_TIMEOUT,
  type CallOptions,
  type ModelOptions,
} from './options.ts';
import { requestWithRepairs, type OutputCheck } from './request-with-repairs.ts';
import type { JSONModelResponse, ModelResponse } from './types.ts';

/** The global fetch, looked up per call so tests and polyfills can replace it. */
const defaultFetch: typeof globalThis.fetch = (input, init) => {
  if (typeof globalThis.fetch !== 'function') {
    throw new InvalidRequestError(
      'No global fetch in this runtime: pass `fetch` to the model, or use Node 18 or later.',
    );
  }
  return globalThis.fetch(input, init);
};

/** A model's fixed context for its calls. */
export interface ModelContext {
  adapter: ProviderAdapter;
  endpoint: string;
  model: string;
  options: ModelOptions;
  /** The cache in effect, or undefined when caching is off for the model. */
  store: CacheStore | undefined;
}

/** One call to run: what was asked, and how its output is checked. */
export interface CallPlan {
  method: CallMethod;
  call: ModelCall;
  options: CallOptions;
  /** For `json` and `object`: checks the parsed JSON. */
  check?: OutputCheck;
}

type Result = ModelResponse | JSONModelResponse;

// Identical calls in flight share one upstream request, per store. The leader's cancellation is kept
// checkable, so that a follower can tell it from a real failure.
interface InFlight {
  promise: Promise<Result>;
  /** Whether the leader's own signals (the model's or the call's) aborted. */
  cancelled: () => boolean;
}

const cancelled = (ctx: ModelContext, plan: CallPlan) =>
  Boolean(ctx.options.signal?.aborted || plan.options.signal?.aborted);
const inFlight = new WeakMap<CacheStore, Map<string, InFlight>>();

/**
 * Sends a cache problem to the model's `onWarning`, or without one prints it once per store and
 * kind (the printing code loads only then).
 */
async function cacheProblem(
  ctx: ModelContext,
  store: CacheStore,
  problem: CacheProblem,
  message: string,
) {
  if (ctx.options.onWarning) return ctx.options.onWarning(message);
  (await import('./cache-warning.ts')).reportCacheProblem(store, problem, message);
}

async function readCache(ctx: ModelContext, store: CacheStore, key: string, plan: CallPlan) {
  let entry: unknown;
  try {
    // The store's own read warnings (an unreadable or corrupt entry) are routed here too.
    entry = await store.get(key, {
      onWarning: (m) =>
        void cacheProblem(ctx, store, / corrupt /.test(m) ? 'corrupt' : 'read', m).catch(() => {}),
    });
  } catch (error) {
    const message = `[cache:${store.name}] read failed, treated as a miss: ${String(error)}`;
    await cacheProblem(ctx, store, 'read', message);
    return undefined;
  }
  if (entry === undefined || entry === null) return undefined;
  if (!isCacheEntry(entry)) {
    const message = `[cache:${store.name}] entry ${key} is corrupt (not a cache entry); ignored.`;
    await cacheProblem(ctx, store, 'corrupt', message);
    return undefined;
  }
  const response = entry.response;
  if (plan.check) {
    // Re-validate, so a changed schema never returns stale or mistyped data.
    const checked = await plan.check((response as JSONModelResponse).data);
    if (!checked.ok) return undefined;
    return { ...response, data: checked.value, cached: true };
  }
  return { ...response, cached: true };
}

async function writeCache(ctx: ModelContext, store: CacheStore, key: string, response: Result) {
  const ttl = ctx.options.cacheTtl;
  if (ttl === 0) return; // `cacheTtl: 0` keeps nothing
  try {
    const entry: CacheEntry = { v: 1, createdAt: Date.now(), response };
    await store.set(key, entry, ttl === undefined ? undefined : { ttl });
  } catch (error) {
    await cacheProblem(ctx, store, 'write', `[cache:${store.name}] write failed: ${String(error)}`);
  }
}

/** Whether a call failed because the provider refused its key (HTTP 401), after retries or not. */
function keyRefused(error: unknown): boolean {
  const last = error instanceof RetryError ? error.lastError : error;
  return last instanceof APICallError && last.status === 401;
}

async function fetchResult(
  ctx: ModelContext,
  plan: CallPlan,
  wire: WireRequest,
  rawData: { value?: unknown },
) {
  const { options } = plan;
  const settings = ctx.options;
  const timeoutMs = options.timeout ?? settings.timeout ?? DEFAULT_TIMEOUT;
  const callSignal = createCallSignal(timeoutMs, [settings.signal, options.signal]);
  const url = ctx.endpoint + wire.path;
  let key: string | undefined;
  try {
    key = await resolveKey({
      provider: ctx.adapter.provider,
      endpoint: ctx.endpoint,
      policy: ctx.adapter.keys,
      apiKey: settings.apiKey,
      keyResolver: settings.keyResolver,
      env: settings.env,
    });
    return await requestWithRepairs({
      ctx,
      plan,
      wire,
      key,
      signal: callSignal.signal,
      fetch: settings.fetch ?? defaultFetch,
      retry: {
        retryLimit: options.retryLimit ?? settings.retryLimit ?? DEFAULT_RETRY_LIMIT,
        retryDelay: settings.retryDelay ?? DEFAULT_RETRY_DELAY,
      },
      maxRepairs: options.maxRepairs ?? settings.maxRepairs ?? DEFAULT_MAX_REPAIRS,
      rawData,
    });
  } catch (error) {
    // A resolver that keeps keys or tokens must not hand out the refused one again.
    if (key !== undefined && keyRefused(error)) settings.keyResolver?.invalidate?.(key);
    if (callSignal.timedOut()) {
      throw new TimeoutError({ provider: ctx.adapter.provider, url, timeoutMs, cause: error });
    }
    throw error;
  } finally {
    callSignal.dispose();
  }
}

/**
 * Runs one call through the pipeline: cache lookup, key, request with retries, output checks and
 * repairs, cache write. Failures and invalid answers are never cached; cache faults never fail a
 * call that the provider answered.
 */
export async function runCall(ctx: ModelContext, plan: CallPlan): Promise<Result> {
  const ttl = ctx.options.cacheTtl;
  if (ttl !== undefined) (await import('./check-cache-ttl.ts')).checkCacheTtl(ttl);
  const ignore = plan.options.ignoreCache ?? ctx.options.ignoreCache ?? false;
  const store = ignore ? undefined : ctx.store;
  const { model } = plan.call;
  plan.call.spec =
    ctx.options.registry?.getModelDetails(model) ?? (await ctx.adapter.loadSpec?.(model));
  if (plan.call.spec) {
    // The checks come with the registry data: only calls to models the registry knows load them.
    const { checkCapabilities } = await import('./check-capabilities.ts');
    checkCapabilities(plan.call, plan.call.spec, ctx.adapter.provider);
  }
  const wire = await ctx.adapter.buildRequest(plan.call);
  if (!store) return fetchResult(ctx, plan, wire, {});

  // Key derivation (canonical JSON, SHA-256) loads with the first cached call, as the stores do.
  const { cacheKey } = await import('./cache-key.ts');
  const key = await cacheKey({
    provider: ctx.adapter.provider,
    endpoint: ctx.endpoint,
    model: ctx.model,
    method: plan.method,
    path: wire.path,
    headerNames: ctx.adapter.cacheKeyHeaders,
    headers: [wire.headers, ctx.options.headers, plan.options.headers],
    body: wire.body,
  });
  const hit = await readCache(ctx, store, key, plan);
  if (hit) return hit;

  let pending = inFlight.get(store);
  if (!pending) inFlight.set(store, (pending = new Map()));
  const shared = pending.get(key);
  if (shared) {
    try {
      // This caller's own abort still rejects it at once, whatever the shared request does.
      const signals = [ctx.options.signal, plan.options.signal];
      return { ...(await untilAborted(shared.promise, signals)), cached: true };
    } catch (error) {
      // The leader cancelled its own call: this caller did not, so it asks for itself.
      if (!shared.cancelled() || cancelled(ctx, plan)) throw error;
      return runCall(ctx, plan);
    }
  }

  const promise = (async () => {
    const rawData: { value?: unknown } = {};
    const response = await fetchResult(ctx, plan, wire, rawData);
    // Store the JSON as the model sent it, so a hit re-validates it (schemas may transform).
    await writeCache(ctx, store, key, plan.check ? { ...response, data: rawData.value } : response);
    return response;
  })();
  pending.set(key, { promise, cancelled: () => cancelled(ctx, plan) });
  try {
    return await promise;
  } finally {
    pending.delete(key);
  }
}
