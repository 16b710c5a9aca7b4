import type { FinishReason } from '../../core/types.ts';

// Reasons for which Google withheld or cut the answer for policy reasons (both APIs' enums).
const FILTERED = new Set([
  'SAFETY',
  'RECITATION',
  'BLOCKLIST',
  'PROHIBITED_CONTENT',
  'SPII',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
  'IMAGE_RECITATION',
  'MODEL_ARMOR',
]);

/** Tells whether a Gemini finish reason means a content filter stopped the answer. */
export function isFilteredFinish(reason: string | null | undefined): boolean {
  return reason !== null && reason !== undefined && FILTERED.has(reason);
}

/**
 * Maps a Gemini/Vertex `finishReason` to the SDK's. Gemini reports `STOP` for answers that end in
 * function calls, so `hasToolCalls` turns that into `tool_calls`.
 */
export function mapGoogleFinishReason(
  reason: string | null | undefined,
  hasToolCalls: boolean,
): FinishReason {
  if (isFilteredFinish(reason)) return 'content_filter';
  switch (reason) {
    case 'STOP':
    case undefined:
    case null:
      return hasToolCalls ? 'tool_calls' : 'stop';
    case 'MAX_TOKENS':
      return 'length';
    default:
      return 'other';
  }
}
