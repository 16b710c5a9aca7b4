import type { StreamDelta, StreamReader, WireRequest } from '../core/adapter.ts';
import { apiUrl } from '../core/base-url.ts';
import type { CacheStore } from '../core/cache-store.ts';
import { isLLMError } from '../core/errors/llm-error.ts';
import { StreamError } from '../core/errors/stream-error.ts';
import { redact } from '../core/redact.ts';
import { createSseParser } from '../core/sse-parser.ts';
import { writeCache } from './cached-call.ts';
import { requestHeaders, scrubbed } from './request-with-repairs.ts';
import { withRetries } from './retry.ts';
import { replayEvents } from './replay-events.ts';
import {
  callKey,
  defaultFetch,
  keyRefused,
  retryPolicy,
  type CallPlan,
  type ModelContext,
} from './run-call.ts';
import { sendRequest } from './send-request.ts';
import { StreamLog, type StreamResult } from './stream-log.ts';
import { toModelResponse } from './to-model-response.ts';

/** Where a stream's answer is cached, when it is. */
interface CacheTarget {
  store: CacheStore;
  key: string;
}

/**
 * One streamed request and its events, which one or more identical streams read. The request is
 * cancelled (the connection closed) when its last reader leaves before the end.
 */
export class SharedStream extends StreamLog {
  readonly #controller = new AbortController();
  #readers = 0;
  /** Settles with the stream: what a whole call waiting for the same answer gets. */
  readonly result: Promise<StreamResult>;

  constructor(ctx: ModelContext, plan: CallPlan, wire: WireRequest, cache?: CacheTarget) {
    super();
    this.result = runStream(this, ctx, plan, wire, this.#controller.signal, cache).then(
      (response) => (this.finish(response), response),
      (error: unknown) => {
        this.fail(error);
        throw error;
      },
    );
    this.result.catch(() => {}); // each reader sees the failure through the log
  }

  /** Whether every reader left before the end, so the request was cancelled. */
  get cancelled(): boolean {
    return this.#controller.signal.aborted;
  }

  attach(): void {
    this.#readers++;
  }

  /** A reader leaves; the last one to leave before the end cancels the request. */
  detach(reason: unknown): void {
    if (--this.#readers === 0 && !this.done) this.#controller.abort(reason);
  }
}

/** Reads the body's events through the adapter's reader into the log, marking server activity. */
async function pump(
  body: ReadableStream<Uint8Array> | null,
  reader: StreamReader,
  log: StreamLog,
  signal: AbortSignal,
) {
  if (!body) return;
  const bytes = body.getReader();
  const decoder = new TextDecoder();
  const emit = (delta: StreamDelta) => log.push(delta);
  // Set once the reader has the whole answer: a body held open after it is not waited for.
  let finished = false;
  const parser = createSseParser((event) => {
    if (!finished) finished = reader.read(event, emit) === true;
  });
  // Cancelling the body closes the connection, so the server stops generating (and billing).
  const cancel = () => void bytes.cancel().catch(() => {});
  signal.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const { done, value } = await bytes.read();
      // A cancelled body reads as ended: the stream was left, not finished, so it is not an answer.
      if (signal.aborted) throw signal.reason;
      if (done) break;
      log.touch();
      parser.feed(decoder.decode(value, { stream: true }));
      if (finished) return cancel();
    }
    parser.feed(decoder.decode());
    parser.end();
  } catch (error) {
    cancel();
    throw error;
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}

/** Whether a 2xx answer is an event stream; whole JSON is read as a call's answer is. */
function isEventStream(response: Response): boolean {
  const type = response.headers.get('content-type') ?? '';
  return !/json/i.test(type) || /event-stream/i.test(type);
}

/** A failure while reading: typed errors stay as they are, the connection's become a StreamError. */
function readFailure(error: unknown, provider: string, url: string, secrets: string[]) {
  if (isLLMError(error)) return error;
  const detail = redact(error instanceof Error ? error.message : String(error), secrets);
  return new StreamError({
    provider,
    url,
    detail: `the connection failed (${detail})`,
    cause: error,
  });
}

/**
 * Sends the streamed request and reads it to the end. Failures before the first event reaches a
 * reader are retried as a whole call's are; after that, nothing is retried (the text was shown) and
 * the call fails with a {@link StreamError} holding the text so far. Only a stream that ended as the
 * provider ends it, and whose answer parsed (and, for `streamObject`, validated), is cached.
 */
async function runStream(
  log: SharedStream,
  ctx: ModelContext,
  plan: CallPlan,
  wire: WireRequest,
  signal: AbortSignal,
  cache: CacheTarget | undefined,
): Promise<StreamResult> {
  const { adapter } = ctx;
  const key = await callKey(ctx, signal);
  const secrets = key === undefined ? [] : [key];
  const streamed = adapter.streamRequest!(wire, plan.call);
  const url = apiUrl(ctx.endpoint, streamed.path);
  let body: unknown;
  let whole = false;
  let broken: unknown;
  let answer: { headers: Headers; latencyMs: number } | undefined;
  const { observer } = plan;
  const send = () =>
    sendRequest({
      provider: adapter.provider,
      url,
      headers: requestHeaders(ctx, plan, streamed, key),
      body: streamed.body,
      fetch: ctx.options.fetch ?? defaultFetch,
      signal,
      secrets,
      errorDetail: adapter.errorDetail,
      rateLimit: adapter.rateLimit,
      stream: isEventStream,
    });
  const retry = retryPolicy(ctx, plan);
  try {
    await withRetries(
      async (n) => {
        // The attempt's reader (its parser loads on demand) is made while the request is in flight,
        // not after the answer's headers: in a browser its chunk is a round trip of its own.
        const reading = (async () => adapter.streamReader!(plan.call, url))();
        reading.catch(() => {}); // awaited below, unless the request failed
        // Hooks and limits see each attempt as a whole call's; the limiter's slot is held until the
        // stream ends (finished, failed, cut or left), not only until its headers arrive.
        const sent = await (observer
          ? observer.attempt(n, 0, url, streamed.body, signal, send, true)
          : send());
        const started = Date.now() - sent.latencyMs;
        // For a stream, the time to its last event.
        const done = () => (answer = { headers: sent.headers, latencyMs: Date.now() - started });
        try {
          // A whole JSON answer (a server that ignored the stream flag) was read as a call's is,
          // its errors included (an error envelope, truncated JSON).
          if (!sent.response) return void ((body = sent.body), done(), (whole = true));
          const reader = await reading;
          let failure: unknown;
          try {
            await pump(sent.response.body, reader, log, signal);
            body = reader.result();
          } catch (error) {
            if (signal.aborted) throw signal.reason;
            failure = readFailure(error, adapter.provider, url, secrets);
          }
          if (!failure && body === undefined) {
            const detail = 'the connection closed before the answer ended';
            failure = new StreamError({ provider: adapter.provider, url, detail });
          }
          done();
          if (!failure) return;
          // Nothing reached a reader yet: the attempt failed as a whole call's would, and may be
          // retried.
          if (log.events.length === 0) throw failure;
          broken = failure;
        } finally {
          observer?.ended();
        }
      },
      observer ? { ...retry, onRetry: observer.retry } : retry,
      signal,
    );
  } catch (error) {
    if (key !== undefined && keyRefused(error)) ctx.options.keyResolver?.invalidate?.(key);
    throw error;
  }
  if (broken) {
    const e = broken as Partial<StreamError> & { message?: string };
    throw new StreamError({
      provider: adapter.provider,
      url,
      detail: redact(e.detail ?? e.message ?? String(e), secrets),
      text: log.text,
      errorType: e.errorType,
      isRetryable: isLLMError(broken) ? broken.isRetryable : true,
      cause: broken,
    });
  }
  let parsed: Awaited<ReturnType<typeof adapter.parseResponse>>;
  try {
    parsed = await adapter.parseResponse(body, plan.call, url);
  } catch (error) {
    // As on a whole call: a key echoed in an unreadable body never reaches the error.
    throw await scrubbed(error, secrets);
  }
  observer?.used(parsed.usage);
  const response = await toModelResponse({
    provider: adapter.provider,
    model: ctx.model,
    asked: plan.call,
    answered: plan.call,
    parsed,
    usage: { ...parsed.usage },
    warnings: wire.warnings,
    raw: body,
    headers: answer!.headers,
    rateLimit: adapter.rateLimit,
    latencyMs: answer!.latencyMs,
  });
  // A whole answer was not streamed: its pieces are sent now, as a replay's are.
  for (const event of replayEvents(response, whole)) log.push(event);
  let result: StreamResult = response;
  let stored: StreamResult = response;
  if (plan.check && !response.toolCalls?.length) {
    // No repair round: the answer was shown as it came. An invalid one fails and is not cached.
    const { checkAnswer } = await import('./check-answer.ts');
    const checked = await checkAnswer(parsed.text, plan.check, 0, 0);
    if (checked.ok) {
      result = { ...response, data: checked.value };
      stored = { ...response, data: checked.raw };
    }
  }
  // Every reader may have left while the answer was being checked: a stream left is never cached.
  if (signal.aborted) throw signal.reason;
  if (cache) await writeCache(ctx, cache.store, cache.key, stored, signal);
  return result;
}
