// Fault injection for the emulator. A scenario holds a queue of faults; each request consumes
// one (a fault with `times: n` is used for n requests before the next one).
//
// Fault = { status?, headers?, json?, body?, bytes?, hugeBytes?, contentType?, delayMs?, hang?,
//           drop?, cut?, stall?, malformedJson?, html?, times?, cutAfter?, cutMidEvent?, errorAfter?,
//           stallAfter?, stallMs?, errorShape?, errorCode?, retryDelay? }
//   bytes: base64 of a raw body (e.g. one that is not UTF-8); hugeBytes: a body of that many bytes;
//   cut: headers and half a JSON body, then the socket is reset; stall: the same, then silence.
//   cutAfter, errorAfter, stallAfter act on a streamed answer, after that many events: cut the
//   connection (with cutMidEvent, after half of the next event), send the dialect's error event and
//   end, or pause (for stallMs, or until the client leaves). errorShape and errorCode choose the
//   error event a dialect sends (the Responses API: errorShape 'flat' for the spec's documented form,
//   errorCode 'insufficient_quota' or 'too_many_requests' for those failures).
import http from 'node:http';

/** Builds the scenario's fault queue from the control body. */
export const faultQueue = (faults) =>
  (Array.isArray(faults) ? faults : [])
    .filter((f) => f !== null && typeof f === 'object')
    .map((fault) => ({ fault, remaining: Math.max(1, Number(fault.times ?? 1)) }));

/** Takes the next fault of the scenario, or undefined when the queue is empty. */
export function nextFault(scenario) {
  const head = scenario.faults[0];
  if (!head) return undefined;
  head.remaining -= 1;
  if (head.remaining <= 0) scenario.faults.shift();
  return head.fault;
}

// A generic proxy error page, as served by nginx/Cloudflare in front of real APIs.
export function htmlPage(status) {
  const line = `${status} ${http.STATUS_CODES[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${line}</title></head>\r\n<body>\r\n<center><h1>${line}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

// Looks like the start of a chat completion and stops mid-string: a body a proxy cut off.
export const TRUNCATED_JSON =
  '{"id":"chatcmpl-truncated","object":"chat.completion","created":1700000000,"model":"gpt-4o","choices":[{"index":0,"message":{"role":"assistant","content":"Echo: tru';

/**
 * What a fault does once its delay (if any) has elapsed:
 *   { action: 'hang' }                 never answer (close() or the client's abort ends it)
 *   { action: 'drop' }                 destroy the socket: the client sees a network error
 *   { action: 'answer', result }       send `result` instead of the route's answer
 *   { action: 'continue', headers, stream }    answer normally, adding `headers`; `stream` holds
 *                                      the faults of a streamed answer (cutAfter, errorAfter, …)
 * Status faults without json/body get the route dialect's faithful error body.
 */
export function faultOutcome(fault, dialect, ctx) {
  const headers = fault.headers ?? {};
  if (fault.hang) return { action: 'hang' };
  if (fault.drop) return { action: 'drop' };
  if (fault.cut || fault.stall) {
    const status = fault.status ?? 200;
    return { action: fault.cut ? 'cut' : 'stall', result: { status, headers } };
  }
  if (fault.bytes !== undefined || fault.hugeBytes !== undefined) {
    const body =
      fault.bytes !== undefined
        ? Buffer.from(String(fault.bytes), 'base64')
        : Buffer.alloc(Number(fault.hugeBytes), 'x');
    const result = { status: fault.status ?? 200, body, contentType: fault.contentType };
    return { action: 'answer', result: { ...result, headers } };
  }
  if (fault.malformedJson) {
    const result = {
      status: fault.status ?? 200,
      body: TRUNCATED_JSON,
      contentType: 'application/json',
    };
    return { action: 'answer', result: { ...result, headers } };
  }
  if (fault.html) {
    const status = fault.status ?? 502;
    const result = { status, body: fault.body ?? htmlPage(status), contentType: 'text/html' };
    return { action: 'answer', result: { ...result, headers } };
  }
  if (fault.status !== undefined || 'json' in fault || fault.body !== undefined) {
    const status = fault.status ?? 500;
    const result =
      'json' in fault
        ? { json: fault.json }
        : fault.body !== undefined
          ? { body: fault.body }
          : dialect.faultError(status, ctx, fault);
    if (fault.contentType) result.contentType = fault.contentType;
    return {
      action: 'answer',
      result: { ...result, status, headers: { ...result.headers, ...headers } },
    };
  }
  const { cutAfter, cutMidEvent, errorAfter, stallAfter, stallMs, errorShape, errorCode } = fault;
  const stream = { cutAfter, cutMidEvent, errorAfter, stallAfter, stallMs, errorShape, errorCode };
  return { action: 'continue', headers, stream };
}

/**
 * Starts a `cut` or `stall` answer: the status line, headers announcing the full length, and the
 * first half of a JSON body. A cut then resets the socket (the client's body read fails); a stall
 * keeps it open and silent until the client gives up or the emulator closes.
 */
export function writePartial(req, res, outcome, headers) {
  const body = Buffer.from(TRUNCATED_JSON + '"}}]}');
  // A dialect removes a base header by setting it to undefined (as in server.mjs's send()).
  const all = { ...headers, ...outcome.result.headers };
  res.writeHead(outcome.result.status, {
    ...Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined)),
    'content-type': 'application/json',
    'content-length': body.length,
  });
  res.write(body.subarray(0, body.length >> 1));
  if (outcome.action === 'cut') setTimeout(() => req.socket.destroy(), 20);
}

/** A loopback port nothing listens on (opened, then closed): connecting to it is refused. */
export function closedPort(host) {
  return new Promise((resolve, reject) => {
    const probe = http.createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
