let last: AbortController | undefined;

/** Whether the current code may abort `marker` (an aborted one: a no-op where it may). */
function aborts(marker: AbortController): boolean {
  try {
    marker.abort(0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Returns a check that tells whether code runs in the same I/O context as the code that created it.
 *
 * Cloudflare Workers bind I/O (fetches, streams, abort controllers) to the request whose handler
 * created it: another request may not touch it ("Cannot perform I/O on behalf of a different
 * request"), and workerd cancels it once that request's response is sent. A request awaiting work
 * another request started can therefore hang forever, with no error. So shared work (an in-flight
 * call, a token exchange) is only joined where this check passes; in browsers, Node, Deno and Bun
 * every caller shares one context and it always passes.
 *
 * The check asks the runtime itself, without sniffing it: it aborts an already aborted controller
 * created in this context, which is a no-op by the DOM spec and, in workerd, throws from another request.
 * @returns A function that is true in the creating context (or where there are no I/O contexts).
 */
export function ioContextCheck(): () => boolean {
  // The last marker is reused while this context can abort it (it is this context's, or there are
  // none): a new AbortController per check cost every call that leads an in-flight entry some
  // 0.045 M instructions. A reason of our own: the default one is a DOMException, whose stack trace
  // Node captures.
  if (!last || !aborts(last)) (last = new AbortController()).abort(0);
  const marker = last;
  return () => aborts(marker);
}
