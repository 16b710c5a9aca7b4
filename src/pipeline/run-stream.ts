import { apiUrl } from '../core/base-url.ts';
import { TimeoutError } from '../core/errors/timeout-error.ts';
import { UnsupportedFeatureError } from '../core/errors/unsupported-feature-error.ts';
import type { CallMethod, OutputFormat } from '../core/adapter.ts';
import type { Message, StreamEvent } from '../core/types.ts';
import type { CallKit } from './call-kit.ts';
import type { CallOptions } from './options.ts';
import type { OutputCheck } from './request-with-repairs.ts';
import { createCallSignal, untilAborted, type CallSignal } from './call-signal.ts';
import type { CallObserver } from './call-observer.ts';
import type { StreamSource } from './model-stream.ts';
import { DEFAULT_TIMEOUT } from './options.ts';
import { replayEvents } from './replay-events.ts';
import { asHit, readCache } from './cached-call.ts';
import { joinable, lead } from './in-flight.ts';
import {
  isObserved,
  loadChecks,
  prepare,
  specOf,
  type CallPlan,
  type ModelContext,
} from './run-call.ts';
import { SharedStream } from './shared-stream.ts';
import { StreamLog, type StreamResult } from './stream-log.ts';

/** A finished log of an answer that was not streamed to this call (a hit, a whole call's answer). */
function replayed(response: StreamResult): StreamLog {
  const log = new StreamLog();
  log.events.push(...replayEvents(response));
  log.finish(response);
  return log;
}

/**
 * One `stream()` call: its own deadline, `idleTimeout` and signals over a log of events that it may
 * share with identical streams. Its readers get every event of the log from the first; the call ends
 * with the log, or earlier on its own abort, deadline, stall or a reader leaving early.
 */
class StreamCall implements StreamSource<StreamEvent, StreamResult> {
  readonly response: Promise<StreamResult>;
  #resolve!: (response: StreamResult) => void;
  #reject!: (error: unknown) => void;
  #log: StreamLog | undefined;
  /** Set when this call reads a request it did not send: its result is then `cached`. */
  #joined = false;
  #settled = false;
  /** This call's own end (abort, deadline, stall, early exit): readers stop at once. */
  #error: unknown;
  #final: StreamResult | undefined;
  #wait: Promise<void> | undefined;
  #wake: (() => void) | undefined;
  #unlisten: (() => void) | undefined;
  readonly #signal: CallSignal;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  #idleFired = false;
  /** Present when the model has hooks or limits (see CallObserver). */
  #observer: CallObserver | undefined;
  readonly #provider: string;
  #url: string;
  readonly #timeoutMs: number;
  readonly #idleMs: number | undefined;

  constructor(ctx: ModelContext, plan: CallPlan) {
    const settings = ctx.options;
    this.#provider = ctx.adapter.provider;
    this.#url = ctx.endpoint;
    this.response = new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    this.response.catch(() => {});
    this.#timeoutMs = plan.options.timeout ?? settings.timeout ?? DEFAULT_TIMEOUT;
    this.#idleMs = plan.options.idleTimeout ?? settings.idleTimeout;
    const idle = new AbortController();
    this.#signal = createCallSignal(this.#timeoutMs, [
      settings.signal,
      plan.options.signal,
      idle.signal,
    ]);
    const signal = this.#signal.signal;
    const onAbort = () => this.#end(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    if (this.#idleMs !== undefined) this.#watchIdle(this.#idleMs, idle, Date.now());
    this.#start(ctx, plan, signal).then(
      ([log, joined]) => this.#attach(log, joined),
      (error: unknown) => this.#end(error),
    );
  }

  /** Aborts with a timeout once neither the start nor the server did anything for `ms`. */
  #watchIdle(ms: number, idle: AbortController, started: number) {
    const check = () => {
      const left = Math.max(started, this.#log?.lastActivity ?? 0) + ms - Date.now();
      if (left > 0) return void (this.#idleTimer = setTimeout(check, left));
      this.#idleFired = true;
      idle.abort(new DOMException('The stream stalled.', 'TimeoutError'));
    };
    this.#idleTimer = setTimeout(check, ms);
  }

  async #start(
    ctx: ModelContext,
    plan: CallPlan,
    signal: AbortSignal,
  ): Promise<[StreamLog, boolean]> {
    const { adapter, options: settings } = ctx;
    if (!adapter.streamRequest || !adapter.streamReader) {
      const detail = 'this provider has no streaming endpoint; use chat().';
      throw new UnsupportedFeatureError({
        provider: adapter.provider,
        feature: 'streaming',
        detail,
      });
    }
    if (settings.cacheTtl !== undefined)
      (await import('./check-cache-ttl.ts')).checkCacheTtl(settings.cacheTtl);
    // Hooks and limits load with the first call of a model that has them, as for a whole call.
    if (isObserved(settings))
      this.#observer = plan.observer = new (await import('./call-observer.ts')).CallObserver(
        ctx,
        plan,
      );
    const ignore = plan.options.ignoreCache ?? settings.ignoreCache ?? false;
    const store = ignore ? undefined : ctx.store;
    const { wire, key } = await untilAborted(prepare(ctx, plan, store), signal);
    this.#url = apiUrl(ctx.endpoint, adapter.streamRequest(wire, plan.call).path);
    if (plan.observer) plan.observer.cacheKey = key;
    if (!store || key === undefined) return [new SharedStream(ctx, plan, wire), false];
    for (;;) {
      const hit = await untilAborted(readCache(ctx, store, key, plan), signal);
      if (hit) return [replayed(hit), false];
      const shared = joinable<StreamResult>(store, key);
      if (shared?.stream instanceof SharedStream) {
        if (plan.observer) plan.observer.source = 'in-flight';
        return [shared.stream, true];
      }
      if (shared) {
        try {
          // An identical whole call is in flight: its answer is replayed, under this call's signal.
          return [replayed(asHit(await untilAborted(shared.promise, signal))), false];
        } catch (error) {
          // That call ended early (its abort or deadline): this one did not, so it asks itself.
          if (!shared.cancelled() || signal.aborted) throw error;
          continue;
        }
      }
      const stream = new SharedStream(ctx, plan, wire, { store, key });
      void lead(store, key, stream.result, () => stream.cancelled, stream).catch(() => {});
      return [stream, false];
    }
  }

  #attach(log: StreamLog, joined: boolean) {
    if (log instanceof SharedStream) log.attach();
    this.#log = log;
    this.#joined = joined;
    // Ended before the log came (an abort during the start): leave at once.
    if (this.#settled) return void (log instanceof SharedStream && log.detach(this.#error));
    this.#unlisten = log.listen(() => this.#update());
    this.#update();
  }

  /** Follows the log: wakes the readers, and settles once the log is done. */
  #update() {
    const log = this.#log!;
    if (log.done && !this.#settled) {
      this.#settled = true;
      this.#dispose();
      if (log.error === undefined) {
        const response = log.response!;
        this.#final = this.#joined ? { ...response, cached: true } : response;
        this.#observer?.answered(this.#final);
        this.#resolve(this.#final);
      } else {
        this.#observer?.failed(log.error);
        this.#reject(log.error);
      }
    }
    this.#notify();
  }

  /** Ends this call before its log did: `error` is the signal's reason, or a start failure. */
  #end(error: unknown) {
    if (this.#settled) return;
    this.#settled = true;
    const mapped = this.#idleFired
      ? new TimeoutError({
          provider: this.#provider,
          url: this.#url,
          timeoutMs: this.#idleMs!,
          idle: true,
          cause: error,
        })
      : this.#signal.timedOut()
        ? new TimeoutError({
            provider: this.#provider,
            url: this.#url,
            timeoutMs: this.#timeoutMs,
            cause: error,
          })
        : error;
    this.#error = mapped;
    this.#dispose();
    if (this.#log instanceof SharedStream) this.#log.detach(mapped);
    this.#observer?.failed(mapped);
    this.#reject(mapped);
    this.#notify();
  }

  #dispose() {
    clearTimeout(this.#idleTimer);
    this.#signal.dispose();
    this.#unlisten?.();
  }

  #notify() {
    const wake = this.#wake;
    this.#wait = this.#wake = undefined;
    wake?.();
  }

  #changed(): Promise<void> {
    return (this.#wait ??= new Promise((resolve) => (this.#wake = resolve)));
  }

  events(): AsyncIterator<StreamEvent> {
    let next = 0;
    let finished = false;
    return {
      next: async (): Promise<IteratorResult<StreamEvent>> => {
        for (;;) {
          if (this.#error !== undefined) throw this.#error;
          const log = this.#log;
          if (log && next < log.events.length) return { value: log.events[next++]!, done: false };
          if (log?.done && this.#settled) {
            if (log.error !== undefined) throw log.error;
            if (finished) return { value: undefined, done: true };
            finished = true;
            return { value: { type: 'finish', response: this.#final! }, done: false };
          }
          await this.#changed();
        }
      },
      return: async () => {
        // A reader that leaves before the end cancels the call (and the request, if no other
        // identical stream reads it).
        this.#end(new DOMException('The stream was left before its end.', 'AbortError'));
        return { value: undefined, done: true };
      },
    };
  }
}

/**
 * Starts one streamed call: cache lookup (a hit replays, no request), joining an identical call in
 * flight, else a new streamed request. `timeout` bounds the call until the stream ends,
 * `idleTimeout` each wait for the server, and the signals cancel it.
 */
export function runStream(
  ctx: ModelContext,
  plan: CallPlan,
): StreamSource<StreamEvent, StreamResult> {
  return new StreamCall(ctx, plan);
}

/**
 * Plans a streamed call as `chat` plans its call (the same call, the same cache key) and starts it:
 * what `stream()`, `streamObject()` and `streamResponses()` run once this chunk has loaded.
 */
export async function openStream(
  kit: CallKit,
  ctx: ModelContext,
  method: CallMethod,
  input: string | readonly Message[],
  output: OutputFormat,
  options: CallOptions,
  check?: OutputCheck,
): Promise<StreamSource<StreamEvent, StreamResult>> {
  // As in runMethod: the checks and the registry's record start loading with the call.
  if (options.maxTokens ?? options.tools ?? options.thinking) loadChecks().catch(() => {});
  const spec = ctx.options.registry ? undefined : specOf(ctx);
  const messages = await kit.normalizeMessages(input, options.system);
  const call = await kit.buildCall(ctx, method, messages, output, options);
  return runStream(ctx, { method, call, options, check, spec });
}
