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
 * created here, which is a no-op by the DOM spec and, in workerd, throws from another request.
 * @returns A function that is true in the creating context (or where there are no I/O contexts).
 */
export function ioContextCheck(): () => boolean {
  const marker = new AbortController();
  // A reason of our own: the default one is a DOMException, whose stack trace Node captures (some
  // 0.07 M instructions on every call that leads an in-flight entry).
  marker.abort(0);
  return () => {
    try {
      marker.abort(0);
      return true;
    } catch {
      return false;
    }
  };
}
