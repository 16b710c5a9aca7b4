import type { Usage } from '../core/types.ts';

const USAGE_COUNTS = [
  'inputTokens',
  'outputTokens',
  'totalTokens',
  'reasoningTokens',
  'cachedInputTokens',
  'cacheWriteTokens',
  'cacheWrite1hTokens',
] as const;

/**
 * Adds the token counts of a repair round to those before it: every round is paid for.
 * @param total - The counts of the rounds so far.
 * @param next - The counts of this round.
 * @returns A new object; a count neither has stays absent.
 */
export function addUsage(total: Usage, next: Usage): Usage {
  const sum: Usage = { ...next };
  for (const k of USAGE_COUNTS) {
    if (total[k] !== undefined || next[k] !== undefined) sum[k] = (total[k] ?? 0) + (next[k] ?? 0);
  }
  return sum;
}
