import type { CacheEntry, CacheStore } from '../core/cache-store.ts';
import { isCacheEntry } from '../cache/is-cache-entry.ts';
import { resolveKey } from '../keys/resolve-key.ts';
import type { CallMethod, ModelCall, ProviderAdapter, WireRequest } from '../core/adapter.ts';
import { apiUrl } from '../core/base-url.ts';
import type { CacheProblem } from '../core/cache-warning.ts';
import { createCallSignal, untilAborted } from './call-signal.ts';
import { InvalidRequestError } from '../core/errors/invalid-request-error.ts';
import { isLLMError } from '../core/errors/llm-error.ts';
import { RetryError } from '../core/errors/retry-error.ts';
import { TimeoutError } from '../core/errors/timeout-error.ts';
import {
  DEFAULT_MAX_REPAIRS,
  DEFAULT_RETRY_DELAY,
  DEFAULT_RETRY_LIMIT,
  DEFAULT_TIMEOUT,
  type CallOptions,
  type ModelOptions,
} from './options.ts';
import { requestWithRepairs, type OutputCheck } from './request-with-repairs.ts';
import type { JSONModelResponse, ModelResponse } from '../core/types.ts';

/** The global fetch, looked up per call so tests and polyfills can replace it. */
export const defaultFetch: typeof globalThis.fetch = (input, init) => {
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
  (await import('../core/cache-warning.ts')).reportCacheProblem(store, problem, message);
}

/** A cache hit (re-validated for `json` and `object`), or undefined for a miss or a bad entry. */
export async function readCache(ctx: ModelContext, store: CacheStore, key: string, plan: CallPlan) {
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
  // An answer with tool calls has no data to check (see requestWithRepairs).
  if (plan.check && !response.toolCalls?.length) {
    // Re-validate, so a changed schema never returns stale or mistyped data.
    const checked = await plan.check((response as JSONModelResponse).data);
    if (!checked.ok) return undefined;
    return { ...response, data: checked.value, cached: true };
  }
  return { ...response, cached: true };
}

/** Stores a result; a failed write is a warning, never the call's failure. */
export async function writeCache(
  ctx: ModelContext,
  store: CacheStore,
  key: string,
  response: Result,
  signal: AbortSignal,
) {
  const ttl = ctx.options.cacheTtl;
  if (ttl === 0) return; // `cacheTtl: 0` keeps nothing
  try {
    const entry: CacheEntry = { v: 1, createdAt: Date.now(), response };
    // A write still pending at the deadline is given up: the answer arrived in time.
    await untilAborted(
      Promise.resolve(store.set(key, entry, ttl === undefined ? undefined : { ttl })),
      [signal],
    );
  } catch (error) {
    await cacheProblem(ctx, store, 'write', `[cache:${store.name}] write failed: ${String(error)}`);
  }
}

/** Whether a call failed because the provider refused its key (HTTP 401), after retries or not. */
export function keyRefused(error: unknown): boolean {
  const last = error instanceof RetryError ? error.lastError : error;
  // An APICallError's status, read by shape: its class loads only with a failed request.
  return isLLMError(last) && (last as { status?: number }).status === 401;
}

/** The call's key; a key resolver that ignores its signal is still bounded by the call's. */
export function callKey(ctx: ModelContext, signal: AbortSignal): Promise<string | undefined> {
  const settings = ctx.options;
  return untilAborted(
    resolveKey({
      provider: ctx.adapter.provider,
      endpoint: ctx.endpoint,
      policy: ctx.adapter.keys,
      apiKey: settings.apiKey,
      keyResolver: settings.keyResolver,
      env: settings.env,
      signal,
    }),
    [signal],
  );
}

/** How the call retries: the call's `retryLimit`, else the model's, else the defaults. */
export function retryPolicy(ctx: ModelContext, plan: CallPlan) {
  return {
    retryLimit: plan.options.retryLimit ?? ctx.options.retryLimit ?? DEFAULT_RETRY_LIMIT,
    retryDelay: ctx.options.retryDelay ?? DEFAULT_RETRY_DELAY,
  };
}

async function fetchResult(
  ctx: ModelContext,
  plan: CallPlan,
  wire: WireRequest,
  signal: AbortSignal,
  rawData: { value?: unknown },
) {
  const settings = ctx.options;
  const key = await callKey(ctx, signal);
  try {
    return await requestWithRepairs({
      ctx,
      plan,
      wire,
      key,
      signal,
      fetch: settings.fetch ?? defaultFetch,
      retry: retryPolicy(ctx, plan),
      maxRepairs: plan.options.maxRepairs ?? settings.maxRepairs ?? DEFAULT_MAX_REPAIRS,
      rawData,
    });
  } catch (error) {
    // A resolver that keeps keys or tokens must not hand out the refused one again.
    if (key !== undefined && keyRefused(error)) settings.keyResolver?.invalidate?.(key);
    throw error;
  }
}

/** Everything before the request: registry checks, the wire request, and the cache key. */
export async function prepare(ctx: ModelContext, plan: CallPlan, store: CacheStore | undefined) {
  const { model } = plan.call;
  plan.call.spec =
    ctx.options.registry?.getModelDetails(model) ?? (await ctx.adapter.loadSpec?.(model));
  if (plan.call.spec) {
    // The checks come with the registry data: only calls to models the registry knows load them.
    const { checkCapabilities } = await import('./check-capabilities.ts');
    checkCapabilities(plan.call, plan.call.spec, ctx.adapter.provider);
  }
  const wire = await ctx.adapter.buildRequest(plan.call);
  if (!store) return { wire, key: undefined };
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
  return { wire, key };
}

/** The call under its signal; `where.url` follows it, for the timeout's message. */
async function callWithin(
  ctx: ModelContext,
  plan: CallPlan,
  signal: AbortSignal,
  where: { url: string },
): Promise<Result> {
  const ignore = plan.options.ignoreCache ?? ctx.options.ignoreCache ?? false;
  const store = ignore ? undefined : ctx.store;
  // Bounded too: a registry chunk, a schema converter or a cache read that never loads must not
  // outlive the deadline.
  const { wire, key } = await untilAborted(prepare(ctx, plan, store), [signal]);
  where.url = apiUrl(ctx.endpoint, wire.path);
  if (!store || key === undefined) return fetchResult(ctx, plan, wire, signal, {});
  const hit = await untilAborted(readCache(ctx, store, key, plan), [signal]);
  if (hit) return hit;

  // Loaded with the first cache miss: the coalescing code stays out of the entry chunk.
  const { joinable, lead } = await import('./in-flight.ts');
  const shared = joinable<Result>(store, key);
  if (shared) {
    try {
      // This caller's own signal and deadline apply to the wait, whatever the shared request does.
      return { ...(await untilAborted(shared.promise, [signal])), cached: true };
    } catch (error) {
      // The leader's call ended early (its abort or deadline): this one did not, so it asks itself.
      if (!shared.cancelled() || signal.aborted) throw error;
      return callWithin(ctx, plan, signal, where);
    }
  }
  const work = (async () => {
    const rawData: { value?: unknown } = {};
    const response = await fetchResult(ctx, plan, wire, signal, rawData);
    // Store the JSON as the model sent it, so a hit re-validates it (schemas may transform).
    const stored = plan.check ? { ...response, data: rawData.value } : response;
    await writeCache(ctx, store, key, stored, signal);
    return response;
  })();
  return lead(store, key, work, () => signal.aborted);
}

/**
 * Runs one call through the pipeline: cache lookup, key, request with retries, output checks and
 * repairs, cache write. `timeout` and `signal` bound all of it, waiting on an identical call in
 * flight included. Failures and invalid answers are never cached; cache faults never fail a call
 * that the provider answered.
 */
export async function runCall(ctx: ModelContext, plan: CallPlan): Promise<Result> {
  const settings = ctx.options;
  const ttl = settings.cacheTtl;
  if (ttl !== undefined) (await import('./check-cache-ttl.ts')).checkCacheTtl(ttl);
  const timeoutMs = plan.options.timeout ?? settings.timeout ?? DEFAULT_TIMEOUT;
  const callSignal = createCallSignal(timeoutMs, [settings.signal, plan.options.signal]);
  const where = { url: ctx.endpoint };
  try {
    return await callWithin(ctx, plan, callSignal.signal, where);
  } catch (error) {
    if (callSignal.timedOut()) {
      throw new TimeoutError({
        provider: ctx.adapter.provider,
        url: where.url,
        timeoutMs,
        cause: error,
      });
    }
    throw error;
  } finally {
    callSignal.dispose();
  }
}
