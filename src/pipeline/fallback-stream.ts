import type { StreamSource } from './model-stream.ts';

/** A stream handle as `stream()` and `streamObject()` return it. */
interface Handle<E, R> extends AsyncIterable<E> {
  readonly response: Promise<R>;
}

/**
 * The source of a fallback chain's stream: opens each model's stream in turn until one yields its
 * first event, and then reads that one alone. A model that fails before its first event with an
 * error `next` accepts hands over to the next model; once an event was shown, a failure is that
 * stream's own (a `StreamError`, an abort): switching then would show two answers spliced together.
 * @param open - Opens model `i`'s stream (called once per model tried).
 * @param next - Returns to move on from model `i` after `error`; throws to give up.
 */
export async function fallbackStream<E, R>(
  open: (i: number) => Handle<E, R>,
  next: (i: number, error: unknown) => void,
): Promise<StreamSource<E, R>> {
  for (let i = 0; ; i++) {
    const handle = open(i);
    // A reader from the first event; its iterator is left as it is (leaving early would cancel).
    const probe = handle[Symbol.asyncIterator]();
    try {
      await probe.next();
    } catch (error) {
      next(i, error);
      continue;
    }
    // Committed: every reader reads this stream from its first event.
    return { events: () => handle[Symbol.asyncIterator](), response: handle.response };
  }
}
