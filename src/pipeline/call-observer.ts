import type { CallMethod } from '../core/adapter.ts';
import { InvalidRequestError } from '../core/errors/invalid-request-error.ts';
import { isLLMError } from '../core/errors/llm-error.ts';
import { printWarning } from '../core/cache-warning.ts';
import type { JSONValue, ModelResponse, RateLimitInfo, Usage } from '../core/types.ts';
import type { BatchMethod, CallEvent, CallHooks } from './call-hooks.ts';
import { createLimiter, type Limiter, type LimiterTicket } from './limiter.ts';
import type { CallPlan, ModelContext } from './run-call.ts';
import type { SentRequest } from './send-request.ts';

let calls = 0;

/** The limiter of a model: the shared one it was given, or its own from `concurrency`/`limits`. */
function limiterOf(ctx: ModelContext): Limiter | undefined {
  const { limiter, concurrency, limits } = ctx.options;
  if (limiter !== undefined) {
    if (concurrency !== undefined || limits !== undefined) {
      throw new InvalidRequestError(
        'Pass either `limiter` (shared) or `concurrency`/`limits` (this model only), not both: put ' +
          'the limits into createLimiter({ … }).',
      );
    }
    if (typeof (limiter as Partial<Limiter>)?.acquire !== 'function') {
      throw new InvalidRequestError('`limiter` must come from createLimiter({ … }).');
    }
    return limiter;
  }
  if (concurrency === undefined && limits === undefined) return undefined;
  return (ctx.limiter ??= createLimiter({ concurrency, ...limits }));
}

/** Name, message and status of an error, for events (never the error's body or headers). */
function describe(error: unknown) {
  const last = (error as { lastError?: unknown })?.lastError ?? error;
  const status = isLLMError(last) ? (last as { status?: number }).status : undefined;
  const e = error instanceof Error ? error : new Error(String(error));
  return { status, error: { name: e.name, message: e.message } };
}

/** What an observer needs of its call: a model call's plan, or a batch API call. */
type Observed = Pick<CallPlan, 'method' | 'call'> | { method: BatchMethod; call?: undefined };

/** Watches one call for its model's hooks and limiter; see {@link CallObserver}. */
export class CallObserver {
  /** The cache key, once known. */
  cacheKey: string | undefined;
  /** How a cached answer came: from the store, or from an identical call in flight. */
  source: 'cache' | 'in-flight' = 'cache';
  readonly #ctx: ModelContext;
  readonly #plan: Observed;
  readonly #hooks: CallHooks;
  readonly #limiter: Limiter | undefined;
  readonly #id = ++calls;
  readonly #started = Date.now();
  #ticket: LimiterTicket | undefined;
  /** Frees the slot a stream holds until it ends (see `attempt`'s `hold`). */
  #held: (() => void) | undefined;

  /**
   * @param ctx - The model's context: its hooks, limiter settings and `onWarning`.
   * @param plan - The call, or a batch API call (`{ method: 'batch.submit' }`).
   * @throws InvalidRequestError for limiter settings that do not fit together.
   */
  constructor(ctx: ModelContext, plan: Observed) {
    this.#ctx = ctx;
    this.#plan = plan;
    this.#hooks = ctx.options.hooks ?? {};
    this.#limiter = limiterOf(ctx);
  }

  #event(): CallEvent {
    const event: CallEvent = {
      callId: this.#id,
      provider: this.#ctx.adapter.provider,
      model: this.#ctx.model,
      method: this.#plan.method,
    };
    if (this.#ctx.store && this.cacheKey !== undefined) event.cacheKey = this.cacheKey;
    return event;
  }

  /** Calls a hook; what it throws or rejects with goes to `onWarning`, never to the call. */
  #emit<K extends Exclude<keyof CallHooks, 'includeBody'>>(
    name: K,
    event: Parameters<NonNullable<CallHooks[K]>>[0],
  ): void {
    const hook = this.#hooks[name] as ((e: typeof event) => unknown) | undefined;
    if (!hook) return;
    const warn = (error: unknown) => {
      const message = `[hooks] ${name} failed, ignored: ${String(error)}`;
      (this.#ctx.options.onWarning ?? printWarning)(message);
    };
    try {
      const out = hook(event);
      if (out instanceof Promise) out.catch(warn);
    } catch (error) {
      warn(error);
    }
  }

  /**
   * One HTTP attempt: waits for the limiter, tells `onRequest`, sends, and reports the answer's
   * rate-limit headers (or a 429's delay) back to the limiter.
   * @param hold - A stream: a 2xx keeps its slot until {@link CallObserver.ended}, because the
   *   request is in flight until its last event (a failed attempt frees it at once).
   */
  async attempt(
    n: number,
    round: number,
    url: string,
    body: unknown,
    signal: AbortSignal,
    send: () => Promise<SentRequest>,
    hold = false,
  ): Promise<SentRequest> {
    // Input at about four characters a token, plus the most output asked for. A batch API call
    // spends no tokens of the per-minute budget: batch jobs have their own queue limits.
    const call = this.#plan.call;
    const estimate = call ? Math.ceil(JSON.stringify(body).length / 4) + (call.maxTokens ?? 0) : 0;
    const ticket = await this.#limiter?.acquire(estimate, signal);
    this.#ticket = ticket;
    const event = { ...this.#event(), attempt: n + 1, round, url };
    // An upload's form data is no JSON body to show.
    const shown = this.#hooks.includeBody && !(body instanceof FormData);
    this.#emit('onRequest', shown ? { ...event, body: body as JSONValue } : event);
    try {
      const sent = await send();
      const report = { rateLimit: this.#ctx.adapter.rateLimit?.(Object.fromEntries(sent.headers)) };
      if (hold) this.#held = () => ticket?.release(report);
      else ticket?.release(report);
      return sent;
    } catch (error) {
      const e = error as { status?: number; retryAfterMs?: number; rateLimit?: RateLimitInfo };
      ticket?.release({
        rateLimit: e?.rateLimit,
        retryAfterMs: e?.status === 429 ? (e.retryAfterMs ?? 0) : undefined,
      });
      throw error;
    }
  }

  /** A held stream's request ended (finished, failed, cut or left): its slot frees. */
  ended(): void {
    const release = this.#held;
    this.#held = undefined;
    release?.();
  }

  /** Replaces the limiter's token estimate with what the answer used. */
  used(usage: Usage): void {
    const tokens = usage.totalTokens ?? (usage.inputTokens ?? 0) + (usage.outputTokens ?? 0);
    if (tokens > 0) this.#ticket?.useTokens(tokens);
  }

  /** For the retry loop: tells `onRetry`. */
  readonly retry = (error: unknown, n: number, delayMs: number): void => {
    this.#emit('onRetry', { ...this.#event(), attempt: n + 1, ...describe(error), delayMs });
  };

  /** The call returned: `onResponse`, or `onCacheHit` for an answer that sent nothing. */
  answered(response: ModelResponse): void {
    const durationMs = Date.now() - this.#started;
    const { usage, cost } = response;
    if (response.cached) {
      this.#emit('onCacheHit', { ...this.#event(), source: this.source, durationMs, usage, cost });
      return;
    }
    const event = {
      ...this.#event(),
      method: this.#plan.method as CallMethod,
      status: 200,
      durationMs,
      latencyMs: response.latencyMs,
      usage,
      cost,
      finishReason: response.finishReason,
      responseModel: response.model,
      responseId: response.id,
      requestId: response.requestId,
      rateLimit: response.rateLimit,
    };
    this.#emit('onResponse', this.#hooks.includeBody ? { ...event, body: response.raw } : event);
  }

  /** A batch API call was answered: `onResponse` with what its HTTP answer says. */
  exchanged(sent: SentRequest): void {
    if (!this.#hooks.onResponse) return;
    const event = {
      ...this.#event(),
      method: this.#plan.method as BatchMethod,
      status: 200,
      durationMs: Date.now() - this.#started,
      latencyMs: sent.latencyMs,
      requestId: sent.headers.get('x-request-id') ?? sent.headers.get('request-id') ?? undefined,
      rateLimit: this.#ctx.adapter.rateLimit?.(Object.fromEntries(sent.headers)),
    };
    this.#emit('onResponse', event);
  }

  /** The call failed: `onError`. */
  failed(error: unknown): void {
    this.#emit('onError', {
      ...this.#event(),
      durationMs: Date.now() - this.#started,
      ...describe(error),
    });
  }
}
