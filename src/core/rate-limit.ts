import type { RateLimitInfo, RateLimitWindow } from './types.ts';

/**
 * Reads a reset as the providers send it: OpenAI (and xAI) a Go-style duration such as `6m0s`,
 * `1s` or `12ms`; Anthropic an RFC 3339 date. A bare number is seconds (some compatible servers).
 * Sources: platform.openai.com/docs/guides/rate-limits ("Rate limits in headers"),
 * docs.anthropic.com/en/api/rate-limits ("Response headers").
 */
function resetAt(value: string | null, now: number): string | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return new Date(now + Number(text) * 1000).toISOString();
  if (/^(\d+(\.\d+)?(ms|h|m|s))+$/.test(text)) {
    const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as Record<string, number>;
    let ms = 0;
    for (const [, n, u] of text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) ms += Number(n) * unit[u!]!;
    return new Date(now + ms).toISOString();
  }
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : new Date(date).toISOString();
}

function count(value: string | null): number | undefined {
  const n = value === null || value.trim() === '' ? Number.NaN : Number(value);
  return Number.isFinite(n) ? n : undefined;
}

function windowOf(headers: Headers, name: (part: string) => string, now: number) {
  const w: RateLimitWindow = {};
  const limit = count(headers.get(name('limit')));
  const remaining = count(headers.get(name('remaining')));
  const reset = resetAt(headers.get(name('reset')), now);
  if (limit !== undefined) w.limit = limit;
  if (remaining !== undefined) w.remaining = remaining;
  if (reset !== undefined) w.resetAt = reset;
  return Object.keys(w).length ? w : undefined;
}

/**
 * The rate-limit state a provider reported with a response, normalised: OpenAI and xAI
 * `x-ratelimit-{limit,remaining,reset}-{requests,tokens}`, Anthropic
 * `anthropic-ratelimit-{requests,tokens,input-tokens,output-tokens}-{limit,remaining,reset}`.
 * @param headers - The response headers.
 * @param now - The current time in ms, for OpenAI's relative resets.
 * @returns The windows the provider reported, or undefined when it sent none.
 */
export function parseRateLimit(headers: Headers, now = Date.now()): RateLimitInfo | undefined {
  const info: RateLimitInfo = {};
  const kinds = {
    requests: 'requests',
    tokens: 'tokens',
    inputTokens: 'input-tokens',
    outputTokens: 'output-tokens',
  } as const;
  for (const [key, kind] of Object.entries(kinds) as [keyof RateLimitInfo, string][]) {
    const w =
      windowOf(headers, (part) => `anthropic-ratelimit-${kind}-${part}`, now) ??
      windowOf(headers, (part) => `x-ratelimit-${part}-${kind}`, now);
    if (w) info[key] = w;
  }
  return Object.keys(info).length ? info : undefined;
}
