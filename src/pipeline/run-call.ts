import type { CacheStore } from '../core/cache-store.ts';
import { lazy } from '../core/lazy.ts';
import type { ModelSpec } from '../core/model-spec.ts';
import { resolveKey } from '../keys/resolve-key.ts';
import type {
  CallMethod,
  ModelCall,
  OutputFormat,
  ProviderAdapter,
  WireRequest,
} from '../core/adapter.ts';
import { apiUrl } from '../core/base-url.ts';
import { SHA256_HEX } from '../core/sha256-hex.ts';
import { createCallSignal, untilAborted } from './call-signal.ts';
import { isLLMError } from '../core/errors/llm-error.ts';
import {
  DEFAULT_MAX_REPAIRS,
  DEFAULT_RETRY_DELAY,
  DEFAULT_RETRY_LIMIT,
  DEFAULT_TIMEOUT,
  type CallOptions,
  type ModelOptions,
} from './options.ts';
import { requestWithRepairs, type OutputCheck } from './request-with-repairs.ts';
import type { JSONModelResponse, Message, ModelResponse } from '../core/types.ts';
import { buildCall } from './build-call.ts';
import type { CallObserver } from './call-observer.ts';
import type { Limiter } from './limiter.ts';
import { cacheKey } from './cache-key.ts';
import { cachedCall } from './cached-call.ts';

/** The global fetch, looked up per call so tests and polyfills can replace it. */
export const defaultFetch: typeof globalThis.fetch = (input, init) =>
  typeof globalThis.fetch === 'function'
    ? globalThis.fetch(input, init)
    : // Not an async function: every call would pay a promise wrapped around fetch's own.
      import('./no-fetch-error.ts').then((m) => Promise.reject(m.noFetchError()));

/** A model's fixed context for its calls. */
export interface ModelContext {
  adapter: ProviderAdapter;
  endpoint: string;
  model: string;
  options: ModelOptions;
  /** The cache in effect, or undefined when caching is off for the model. */
  store: CacheStore | undefined;
  /** The model's own limiter (from `concurrency`/`limits`), made with its first call. */
  limiter?: Limiter;
  /** The registry's record of the model, looked up with its first call. */
  spec?: Promise<ModelSpec | undefined>;
}

/** One call to run: what was asked, and how its output is checked. */
export interface CallPlan {
  method: CallMethod;
  call: ModelCall;
  options: CallOptions;
  /** For `json` and `object`: checks the parsed JSON. */
  check?: OutputCheck;
  /** Present when the model has hooks or limits: watches the call for them. */
  observer?: CallObserver;
  /**
   * The registry lookup started with the call (see `runMethod`): a lookup that fails before the
   * call reads it still fails this call, and the next call makes it again.
   */
  spec?: Promise<ModelSpec | undefined>;
}

type Result = ModelResponse | JSONModelResponse;

/**
 * Whether a call failed because the provider refused its key (HTTP 401, or a body that says so, as
 * Gemini's 400 `API_KEY_INVALID`), after retries or not.
 */
export function keyRefused(error: unknown): boolean {
  // A RetryError's last attempt, read by shape: its class loads only after a retryable failure.
  const last = isLLMError(error) && 'lastError' in error ? error.lastError : error;
  // An AuthenticationError's flag, read by shape: its class loads only with a failed request.
  return (last as { keyRefused?: unknown } | null | undefined)?.keyRefused === true;
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
    signal,
  );
}

// Loaded once, with the first call that needs it (a repeated import() costs every call). The cache
// key and the cached path are plain imports: dist/ ships them in the call and store chunks anyway.
export const loadChecks = lazy(() => import('./check-capabilities.ts'));

/**
 * The registry's record of the model (through the adapter's data chunk), looked up once per model:
 * a call's model is always its model's (`buildCall`). A lookup that failed (a chunk that did not
 * load) is made again by the next call.
 */
export function specOf(ctx: ModelContext): Promise<ModelSpec | undefined> {
  if (!ctx.spec) {
    const spec = (ctx.spec = ctx.adapter.loadSpec?.(ctx.model) ?? Promise.resolve(undefined));
    spec.catch(() => (ctx.spec = undefined));
  }
  return ctx.spec;
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
  const c = plan.call;
  c.spec = ctx.options.registry?.getModelDetails(c.model) ?? (await (plan.spec ?? specOf(ctx)));
  // The checks load only for a known model and a call that sets what they check (maxTokens, tools,
  // content parts, a schema, thinking): a bare chat call loads none of them.
  if (
    c.spec &&
    (c.maxTokens !== undefined ||
      c.tools?.length ||
      c.output.type === 'json-schema' ||
      'thinking' in c.extra ||
      c.messages.some((m) => typeof m.content !== 'string'))
  ) {
    (await loadChecks()).checkCapabilities(c, c.spec, ctx.adapter.provider);
  }
  const wire = await ctx.adapter.buildRequest(c);
  // Settings the provider cannot take reach the hook as well as `response.warnings`, on hits too:
  // each call was asked for them.
  for (const warning of wire.warnings ?? []) ctx.options.onWarning?.(warning);
  if (!store) return { wire, key: undefined };
  const key = await cacheKey(
    {
      provider: ctx.adapter.provider,
      endpoint: ctx.endpoint,
      model: ctx.model,
      method: plan.method,
      path: wire.path,
      headerNames: ctx.adapter.cacheKeyHeaders,
      headers: [wire.headers, ctx.options.headers, plan.options.headers],
      body: wire.body,
    },
    (store as { [SHA256_HEX]?: (text: string) => string })[SHA256_HEX],
  );
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
  const { wire, key } = await untilAborted(prepare(ctx, plan, store), signal);
  where.url = apiUrl(ctx.endpoint, wire.path);
  if (plan.observer) plan.observer.cacheKey = key;
  if (!store || key === undefined) return fetchResult(ctx, plan, wire, signal, {});
  return cachedCall({
    ctx,
    plan,
    store,
    key,
    signal,
    fetchResult: (rawData) => fetchResult(ctx, plan, wire, signal, rawData),
    again: () => callWithin(ctx, plan, signal, where),
  });
}

/** Whether a model has hooks or limits: its calls then load and use a CallObserver. */
export const isObserved = (settings: ModelContext['options']): boolean =>
  !!(settings.hooks || settings.limiter || settings.concurrency !== undefined || settings.limits);

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
  // Hooks and limits load with the first call of a model that has them.
  if (isObserved(settings))
    plan.observer = new (await import('./call-observer.ts')).CallObserver(ctx, plan);
  try {
    const result = await callWithin(ctx, plan, callSignal.signal, where);
    plan.observer?.answered(result);
    return result;
  } catch (error) {
    // The error's class loads only once the deadline passed; should that load fail, the deadline's
    // own abort reason (a DOMException named TimeoutError) is thrown instead.
    const failure = callSignal.timedOut()
      ? await import('../core/errors/timeout-error.ts').then(
          ({ TimeoutError }) =>
            new TimeoutError({
              provider: ctx.adapter.provider,
              url: where.url,
              timeoutMs,
              cause: error,
            }),
          () => error,
        )
      : error;
    plan.observer?.failed(failure);
    throw failure;
  } finally {
    callSignal.dispose();
  }
}

/**
 * Builds a model method's call (see `buildCall`) and runs it: one path for `chat`, `complete`,
 * `json`, `object` and `responses`, so the same call has the same cache key whichever asks.
 */
export async function runMethod(
  ctx: ModelContext,
  method: CallMethod,
  messages: Message[],
  output: OutputFormat,
  options: CallOptions,
  check?: OutputCheck,
  prompt?: string,
): Promise<Result> {
  // The chunks later steps need start loading with the call, together rather than one after
  // another (in a browser, each is a round trip): the capability checks for the options that most
  // often need them (a hint: prepare() loads them anyway), and the registry's record of the model.
  // `options` itself is checked by buildCall. (openStream does the same for a stream.)
  if (options.maxTokens ?? options.tools ?? options.thinking) loadChecks().catch(() => {});
  const spec = ctx.options.registry ? undefined : specOf(ctx);
  const call = await buildCall(ctx, method, messages, output, options, prompt);
  return runCall(ctx, { method, call, options, check, spec });
}
