/** One server-sent event. */
export interface SseEvent {
  /** The `event:` field, or undefined for the default type (`message`). */
  event: string | undefined;
  /** The `data:` lines, joined with `\n`. */
  data: string;
}

/** An incremental SSE parser: feed it decoded text in chunks of any size. */
export interface SseParser {
  /** Parses a piece of the stream; complete events go to the callback at once. */
  feed(text: string): void;
  /** Ends the stream: a last event without its closing blank line is still delivered. */
  end(): void;
}

const LF = 10;
const CR = 13;
const COLON = 58;
const SPACE = 32;

/**
 * Creates a Server-Sent Events parser as the WHATWG HTML standard reads an event stream (§9.2.6):
 * lines end in CRLF, LF or CR (also when a CRLF is split between chunks), `:` starts a comment,
 * `data:` lines join with `\n`, one leading space of a value is dropped, a blank line dispatches, and
 * an event without data is not dispatched. `id` and `retry` only serve EventSource reconnection,
 * which a POSTed stream cannot do, so they are ignored. Unlike EventSource, a final event the server
 * did not close with a blank line is delivered by {@link SseParser.end}: some servers end so.
 * @param onEvent - Receives each event, in order.
 */
export function createSseParser(onEvent: (event: SseEvent) => void): SseParser {
  let rest = '';
  let data: string | undefined;
  let type: string | undefined;
  // The previous chunk ended in CR: an LF at the start of the next one belongs to the same line end.
  let afterCr = false;

  function dispatch() {
    if (data !== undefined) onEvent({ event: type || undefined, data });
    data = undefined;
    type = undefined;
  }

  function line(text: string) {
    if (text === '') return dispatch();
    if (text.charCodeAt(0) === COLON) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    const from =
      colon === -1 ? text.length : colon + (text.charCodeAt(colon + 1) === SPACE ? 2 : 1);
    const value = text.slice(from);
    if (field === 'data') data = data === undefined ? value : `${data}\n${value}`;
    else if (field === 'event') type = value;
  }

  return {
    feed(chunk) {
      const text = rest === '' ? chunk : rest + chunk;
      let i = afterCr && text.charCodeAt(0) === LF ? 1 : 0;
      afterCr = false;
      // Positions of the next LF and CR, looked up again only once passed (-1: none left).
      let lf = -2;
      let cr = -2;
      while (i < text.length) {
        if (lf !== -1 && lf < i) lf = text.indexOf('\n', i);
        if (cr !== -1 && cr < i) cr = text.indexOf('\r', i);
        if (lf === -1 && cr === -1) break;
        const end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
        line(text.slice(i, end));
        i = end + 1;
        if (text.charCodeAt(end) === CR) {
          if (i === text.length) afterCr = true;
          else if (text.charCodeAt(i) === LF) i++;
        }
      }
      rest = i >= text.length ? '' : text.slice(i);
    },
    end() {
      if (rest !== '') line(rest);
      rest = '';
      afterCr = false;
      dispatch();
    },
  };
}
