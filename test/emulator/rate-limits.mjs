// Rate limits as the providers apply and report them. Each scenario has a window (60 s, or the
// control body's `rateLimit: { requests, tokens, windowMs }`); every model request spends one request
// and its tokens (input at ~4 characters a token, plus the most output asked for, as OpenAI counts
// them). A request the window cannot afford gets the dialect's 429 with `retry-after`, as the real
// APIs send it; every answer carries the dialect's headers:
//   OpenAI / xAI: x-ratelimit-{limit,remaining,reset}-{requests,tokens}, resets as Go durations
//     ("6m0s", "1s", "12ms") — platform.openai.com/docs/guides/rate-limits, "Rate limits in headers".
//   Anthropic: anthropic-ratelimit-{requests,tokens,input-tokens,output-tokens}-{limit,remaining,reset},
//     resets as RFC 3339 dates — docs.anthropic.com/en/api/rate-limits, "Response headers".
//   Gemini: none (quota errors only; its 429 is RESOURCE_EXHAUSTED, with no retry-after header: the
//     wait is the body's google.rpc.RetryInfo `retryDelay`, as Gemini sends it; see gemini-common.mjs).

const DEFAULTS = { requests: 10_000, tokens: 2_000_000, windowMs: 60_000 };

/** Every rate-limit header name the emulator may send (for CORS exposure). */
export const RATE_LIMIT_HEADERS = [
  ...['requests', 'tokens'].flatMap((k) =>
    ['limit', 'remaining', 'reset'].map((p) => `x-ratelimit-${p}-${k}`),
  ),
  ...['requests', 'tokens', 'input-tokens', 'output-tokens'].flatMap((k) =>
    ['limit', 'remaining', 'reset'].map((p) => `anthropic-ratelimit-${k}-${p}`),
  ),
];

/** Go's time.Duration.String for whole milliseconds: 12ms, 1.5s, 6m0s, 1h2m3s. */
export function goDuration(ms) {
  if (ms < 1000) return `${Math.max(0, Math.ceil(ms))}ms`;
  const s = ms / 1000;
  if (s < 60) return `${+s.toFixed(3)}s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = +(s % 60).toFixed(3);
  return `${h ? `${h}h` : ''}${m}m${rest}s`;
}

/** RFC 3339 to the second, rounded up so a client that waits until then finds the window full. */
const rfc3339 = (ms) => new Date(Math.ceil(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

function estimateTokens(ctx) {
  const b = ctx.body ?? {};
  const out = b.max_tokens ?? b.max_completion_tokens ?? b.max_output_tokens ?? 0;
  const input = Math.ceil((ctx.rawBody?.length ?? 0) / 4);
  return { input, output: Number(out) || 0 };
}

const HEADERS = {
  openai(w, now) {
    const h = {};
    for (const [k, used] of [
      ['requests', w.requests],
      ['tokens', w.tokens],
    ]) {
      h[`x-ratelimit-limit-${k}`] = String(w.limits[k]);
      h[`x-ratelimit-remaining-${k}`] = String(Math.max(0, w.limits[k] - used));
      h[`x-ratelimit-reset-${k}`] = goDuration(w.start + w.limits.windowMs - now);
    }
    return h;
  },
  anthropic(w) {
    const h = {};
    const reset = rfc3339(w.start + w.limits.windowMs);
    for (const [k, used] of [
      ['requests', w.requests],
      ['tokens', w.tokens],
      ['input-tokens', w.input],
      ['output-tokens', w.output],
    ]) {
      const limit = k === 'requests' ? w.limits.requests : w.limits.tokens;
      h[`anthropic-ratelimit-${k}-limit`] = String(limit);
      h[`anthropic-ratelimit-${k}-remaining`] = String(Math.max(0, limit - used));
      h[`anthropic-ratelimit-${k}-reset`] = reset;
    }
    return h;
  },
};

/**
 * Spends the request from the scenario's window. Returns the headers to send, and `refused` (the
 * dialect's 429 with `retry-after`, or its own `rateLimited` answer) when the window cannot afford it.
 */
export function spendRateLimit(sc, ctx, dialect) {
  const now = Date.now();
  const limits = { ...DEFAULTS, ...sc.rateLimit };
  let w = sc.rateWindow;
  if (!w || now >= w.start + limits.windowMs) {
    w = sc.rateWindow = { start: now, limits, requests: 0, tokens: 0, input: 0, output: 0 };
  }
  const { input, output } = estimateTokens(ctx);
  const refused = w.requests + 1 > limits.requests || w.tokens + input + output > limits.tokens;
  if (!refused) {
    w.requests += 1;
    w.tokens += input + output;
    w.input += input;
    w.output += output;
  }
  const headers = HEADERS[dialect.name]?.(w, now) ?? {};
  if (!refused) return { headers };
  const waitMs = w.start + limits.windowMs - now;
  // Gemini says how long to wait in the body only (google.rpc.RetryInfo), with no retry-after.
  if (dialect.rateLimited) return { headers, refused: dialect.rateLimited(ctx, waitMs) };
  const retryAfter = String(Math.max(1, Math.ceil(waitMs / 1000)));
  const error = dialect.faultError(429, ctx);
  return {
    headers,
    refused: { ...error, headers: { ...error.headers, ...headers, 'retry-after': retryAfter } },
  };
}
