import type { JSONModelResponse, ModelResponse, StreamEvent } from '../core/types.ts';

/** A call's result, with `data` for `streamObject`. */
export type StreamResult = ModelResponse | JSONModelResponse;

/**
 * The events of one streamed answer, kept from the start so that every reader (the caller's loops,
 * identical streams sharing the request) gets all of them at its own pace. It holds the answer once,
 * whatever the number of readers: nothing is buffered per reader.
 */
export class StreamLog {
  /** Deltas and tool calls, in order (the `finish` event is each reader's own). */
  readonly events: StreamEvent[] = [];
  /** Set when the stream ended well. */
  response: StreamResult | undefined;
  /** Set when the stream failed. */
  error: unknown;
  done = false;
  /** When the server last sent something (for `idleTimeout`). */
  lastActivity = Date.now();
  /** The answer's text so far, for a {@link StreamError}. */
  text = '';
  readonly #listeners = new Set<() => void>();

  /** Calls `listener` on every change; returns the function that stops it. */
  listen(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #changed() {
    for (const listener of this.#listeners) listener();
  }

  push(event: StreamEvent): void {
    if (event.type === 'text') this.text += event.delta;
    this.events.push(event);
    this.#changed();
  }

  touch(): void {
    this.lastActivity = Date.now();
  }

  finish(response: StreamResult): void {
    this.response = response;
    this.done = true;
    this.#changed();
  }

  fail(error: unknown): void {
    this.error = error;
    this.done = true;
    this.#changed();
  }
}
