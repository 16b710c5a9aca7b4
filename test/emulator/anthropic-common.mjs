// Shared pieces of the Anthropic emulation: the error envelope, the `dialect` (auth, faults, 404s,
// bad JSON) and the thinking-block signatures. Shapes follow ../shared/specs/anthropic-openapi.json
// (ErrorResponse, Message, Usage); messages are the ones the real API sends for the same mistakes.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Anthropic always answers `{ type: 'error', error: { type, message }, request_id }`. */
export function anthropicError(status, type, message, ctx) {
  return {
    status,
    json: { type: 'error', error: { type, message }, request_id: requestIdOf(ctx) },
  };
}
export const invalidRequest = (message, ctx) =>
  anthropicError(400, 'invalid_request_error', message, ctx);

/** Anthropic request ids look like `req_011CSHoEeqs5C35K2UUqR7Fy`. */
export const requestIdOf = (ctx) =>
  `req_011C${String(ctx?.requestId ?? 'req_0').replace(/\W/g, '')}`;

// A per-process secret: signatures made by this emulator verify only here, like the real API's.
const SECRET = `emulator-${process.pid}-${Date.now()}`;

/** Signs a thinking text (the real API's signatures are opaque; only the server can verify them). */
export const signThinking = (text) =>
  createHmac('sha256', SECRET).update(`thinking:${text}`).digest('base64');

/** Builds opaque redacted-thinking data that only this emulator accepts back. */
export function redactedData(seed) {
  const body = Buffer.from(`redacted:${seed}`).toString('base64');
  return `${body}.${createHmac('sha256', SECRET).update(body).digest('base64url')}`;
}

const same = (a, b) => {
  const x = Buffer.from(String(a));
  const y = Buffer.from(String(b));
  return x.length === y.length && timingSafeEqual(x, y);
};
export const validSignature = (text, signature) => same(signThinking(text), signature);
export function validRedacted(data) {
  const [body, mac] = String(data).split('.');
  return (
    !!body && !!mac && same(createHmac('sha256', SECRET).update(body).digest('base64url'), mac)
  );
}

function faultError(status, ctx) {
  switch (status) {
    case 400:
      return invalidRequest('Invalid request (emulated fault).', ctx);
    case 401:
      return anthropicError(401, 'authentication_error', 'invalid x-api-key', ctx);
    case 403:
      return anthropicError(
        403,
        'permission_error',
        'Your API key does not have permission to use the specified resource.',
        ctx,
      );
    case 404:
      return anthropicError(404, 'not_found_error', `model: ${ctx?.body?.model ?? 'unknown'}`, ctx);
    case 413:
      return anthropicError(
        413,
        'request_too_large',
        'Request exceeds the maximum allowed number of bytes.',
        ctx,
      );
    case 429:
      return anthropicError(
        429,
        'rate_limit_error',
        'This request would exceed the rate limit for your organization of 50 requests per minute.',
        ctx,
      );
    case 529:
      return anthropicError(529, 'overloaded_error', 'Overloaded', ctx);
    default:
      return status >= 500
        ? anthropicError(status, 'api_error', 'Internal server error', ctx)
        : invalidRequest(`Emulated error ${status}.`, ctx);
  }
}

/** What the server uses for faults, 404s, auth and unparsable bodies on Anthropic routes. */
export const dialect = {
  name: 'anthropic',
  // The real API's id header is `request-id` only; no `x-request-id` (the emulator's default).
  headers: (ctx) => ({
    'x-request-id': undefined,
    'request-id': requestIdOf(ctx),
    'anthropic-organization-id': 'org-emulator',
  }),
  faultError,
  notFound: (ctx) => anthropicError(404, 'not_found_error', 'Not Found', ctx),
  invalidJson: (ctx) =>
    invalidRequest('There was an issue with your request body: invalid JSON.', ctx),
  // Anthropic's mid-stream failure: an `error` event (the SDK's MessageStream throws on it).
  streamError: (ctx) => `event: error\ndata: ${JSON.stringify(faultError(529, ctx).json)}\n\n`,
  checkAuth(ctx) {
    const key = ctx.headers['x-api-key'];
    if (ctx.headers.authorization && !key) {
      return anthropicError(
        401,
        'authentication_error',
        'Use the x-api-key header; Authorization: Bearer is for OAuth tokens.',
        ctx,
      );
    }
    // Keys starting with `bad-key` are refused; with the scenario's `echoKey` every key is, and the
    // message quotes it (Anthropic's never does, a proxy's might), so tests can check the redaction.
    if (typeof key === 'string' && (key.startsWith('bad-key') || (key && ctx.scenario.echoKey))) {
      const shown = ctx.scenario.echoKey ? `: ${key}` : '';
      return anthropicError(401, 'authentication_error', `invalid x-api-key${shown}`, ctx);
    }
    if (ctx.scenario.requireAuth && !key) {
      return anthropicError(401, 'authentication_error', 'x-api-key header is required', ctx);
    }
    // The real API refuses CORS requests unless the client opted in to direct browser access.
    if (ctx.headers.origin && ctx.headers['anthropic-dangerous-direct-browser-access'] !== 'true') {
      return anthropicError(
        401,
        'authentication_error',
        'CORS requests must set the `anthropic-dangerous-direct-browser-access` header to use the API directly from a browser.',
        ctx,
      );
    }
    if (!ctx.headers['anthropic-version']) {
      return invalidRequest('anthropic-version: header is required', ctx);
    }
    return null;
  },
};
