import type { RateLimitInfo, RateLimitWindow } from './types.ts';

const UNIT: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Reads a reset as the providers send it: OpenAI (and xAI) a Go-style duration such as `6m0s`,
 * `1s` or `12ms` (a bare number is seconds, as some compatible servers send); Anthropic an RFC 3339
 * date. Sources: platform.openai.com/docs/guides/rate-limits ("Rate limits in headers"),
 * docs.anthropic.com/en/api/rate-limits ("Response headers").
 */
function resetAt(text: string, now: number): string | undefined {
  let ms = 0;
  const duration = /^(\d+(\.\d+)?(ms|h|m|s)?)+$/.test(text);
  for (const [, n, unit] of duration ? text.matchAll(/([\d.]+)(ms|h|m|s)?/g) : [])
    ms += Number(n) * UNIT[unit ?? 's']!;
  const at = duration ? now + ms : Date.parse(text);
  return Number.isNaN(at) ? undefined : new Date(at).toISOString();
}

/**
 * The rate-limit state a provider reported with a response, normalised: OpenAI and xAI
 * `x-ratelimit-{limit,remaining,reset}-{requests,tokens}`, Anthropic
 * `anthropic-ratelimit-{requests,tokens,input-tokens,output-tokens}-{limit,remaining,reset}`.
 * @param headers - The response headers as a record with lower-case names (`Object.fromEntries`).
 * @param now - The current time in ms, for OpenAI's relative resets.
 * @returns The windows the provider reported, or undefined when it sent none.
 */
export function parseRateLimit(
  headers: Readonly<Record<string, string>>,
  now = Date.now(),
): RateLimitInfo | undefined {
  let info: Record<string, RateLimitWindow> | undefined;
  for (const kind of ['requests', 'tokens', 'input-tokens', 'output-tokens']) {
    const w: Record<string, number | string | undefined> = {};
    for (const part of ['limit', 'remaining', 'reset']) {
      const text = (
        headers[`anthropic-ratelimit-${kind}-${part}`] ?? headers[`x-ratelimit-${part}-${kind}`]
      )?.trim();
      if (!text) continue;
      const value = part === 'reset' ? resetAt(text, now) : Number(text);
      if (value !== undefined && !Number.isNaN(value))
        w[part === 'reset' ? 'resetAt' : part] = value;
    }
    // `input-tokens` -> `inputTokens`
    if (Object.keys(w).length) (info ??= {})[kind.replace('-t', 'T')] = w;
  }
  return info;
}
