import type {
  JSONModelResponse,
  ModelResponse,
  ObjectStreamEvent,
  StreamEvent,
  ToolCallResponse,
} from '../core/types.ts';

/** What the streaming code, loaded with the first stream, hands a stream handle. */
export interface StreamSource<E, R> {
  /** A new reader of the events, from the first. */
  events(): AsyncIterator<E>;
  response: Promise<R>;
}

/**
 * A stream handle: returned at once, before any I/O. Iterate it (`for await`) for the events, each
 * loop from the first event; leaving a loop early (`break`, `return`, a throw) cancels the call.
 */
export class EventStream<E, R> implements AsyncIterable<E> {
  /**
   * The final result, also without iterating; it rejects as the stream does (an `AbortError` once
   * the call was cancelled).
   */
  readonly response: Promise<R>;
  readonly #source: Promise<StreamSource<E, R>>;

  /** @param source - The call, started by the streaming code once it has loaded. */
  constructor(source: Promise<StreamSource<E, R>>) {
    this.#source = source;
    this.response = source.then((s) => s.response);
    // Observed by whoever awaits it; a stream read only by iterating must not report it unhandled.
    this.response.catch(() => {});
  }

  [Symbol.asyncIterator](): AsyncIterator<E> {
    const source = this.#source;
    let events: AsyncIterator<E> | undefined;
    const open = async () => (events ??= (await source).events());
    return {
      next: async () => (await open()).next(),
      return: async () => (await open()).return!(),
    };
  }
}

async function* textOf(events: AsyncIterable<StreamEvent>) {
  for await (const event of events) if (event.type === 'text') yield event.delta;
}

/**
 * The handle `model.stream()` returns: {@link StreamEvent}s, and the `chat` result (for
 * `streamResponses()`, the `responses()` result).
 */
export class ModelStream<R = ModelResponse> extends EventStream<StreamEvent, R> {
  /** The answer's text as it arrives, without the other events. */
  get textStream(): AsyncIterable<string> {
    return { [Symbol.asyncIterator]: () => textOf(this) };
  }
}

/** The handle `model.streamObject()` returns: partial values, then the validated `object` result. */
export class ObjectStream<T> extends EventStream<
  ObjectStreamEvent<T>,
  JSONModelResponse<T> | ToolCallResponse
> {}
