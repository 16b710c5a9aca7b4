import { isCacheEntry } from '../cache/is-cache-entry.ts';
import type { CacheEntry, CacheStore } from '../core/cache-store.ts';
import type { CacheProblem } from '../core/report-cache-problem.ts';
import type { JSONModelResponse, ModelResponse } from '../core/types.ts';
import { untilAborted } from './call-signal.ts';
import { joinable, lead } from './in-flight.ts';
import type { CallPlan, ModelContext } from './run-call.ts';

type Result = ModelResponse | JSONModelResponse;

/**
 * An answer that sent no request: the original's `requestId` stays (it names the request that made
 * the answer), but its rate-limit snapshot and latency describe a request this call did not send.
 * With `cached` false, the copy the cache stores. One copy: this runs on every cached call.
 */
export function asHit<T extends Result>(response: T, cached = true): T {
  const { rateLimit: _r, latencyMs: _l, ...rest } = response;
  rest.cached = cached;
  return rest as T;
}

/** What the cache path needs from the pipeline: the uncached request, and a fresh start. */
export interface CachedCallInit {
  ctx: ModelContext;
  plan: CallPlan;
  store: CacheStore;
  key: string;
  signal: AbortSignal;
  /** Sends the request (no cache); `rawData.value` receives the JSON as the model sent it. */
  fetchResult: (rawData: { value?: unknown }) => Promise<Result>;
  /** Runs the whole call again (after a shared call this one joined was cancelled by its leader). */
  again: () => Promise<Result>;
}

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
  // A printer that cannot load prints nothing: a cache fault never fails the call.
  await import('../core/report-cache-problem.ts').then(
    (m) => m.reportCacheProblem(store, problem, message),
    () => {},
  );
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
    return asHit({ ...response, data: checked.value });
  }
  return asHit(response);
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
    // Stored without this request's rate-limit snapshot and latency (see asHit).
    const entry: CacheEntry = {
      v: 1,
      createdAt: Date.now(),
      response: asHit(response, false),
    };
    // A write still pending at the deadline is given up: the answer arrived in time.
    await untilAborted(
      Promise.resolve(store.set(key, entry, ttl === undefined ? undefined : { ttl })),
      signal,
    );
  } catch (error) {
    await cacheProblem(ctx, store, 'write', `[cache:${store.name}] write failed: ${String(error)}`);
  }
}

/**
 * The cached path of a call: a hit, a wait on an identical call in flight, or the request and the
 * cache write. Imported by run-call (the default cache is on, so a first call needs it); what only a
 * cache problem needs loads on demand.
 */
export async function cachedCall(init: CachedCallInit): Promise<Result> {
  const { ctx, plan, store, key, signal } = init;
  const hit = await untilAborted(readCache(ctx, store, key, plan), signal);
  if (hit) return hit;
  const shared = joinable<Result>(store, key);
  if (shared) {
    try {
      // This caller's own signal and deadline apply to the wait, whatever the shared request does.
      const answer = asHit(await untilAborted(shared.promise, signal));
      if (plan.observer) plan.observer.source = 'in-flight';
      return answer;
    } catch (error) {
      // The leader's call ended early (its abort or deadline): this one did not, so it asks itself.
      if (!shared.cancelled() || signal.aborted) throw error;
      return init.again();
    }
  }
  const work = (async () => {
    const rawData: { value?: unknown } = {};
    const response = await init.fetchResult(rawData);
    // Store the JSON as the model sent it, so a hit re-validates it (schemas may transform).
    const stored = plan.check ? { ...response, data: rawData.value } : response;
    await writeCache(ctx, store, key, stored, signal);
    return response;
  })();
  return lead(store, key, work, () => signal.aborted);
}
