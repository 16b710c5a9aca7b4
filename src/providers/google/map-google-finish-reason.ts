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
  // "Request was filtered by an escalation rule." (the Gemini API's Candidate.finishReason enum)
  'ESCALATION',
]);

/** Tells whether a Gemini finish reason means a content filter stopped the answer. */
export const isFilteredFinish = (reason: string): boolean => FILTERED.has(reason);

/**
 * Maps a Gemini/Vertex `finishReason` other than `STOP` and `MAX_TOKENS` (which every normal answer
 * ends in, mapped by the parser itself) to the SDK's. Loaded only for answers that end otherwise.
 */
export const mapGoogleFinishReason = (reason: string): FinishReason =>
  isFilteredFinish(reason) ? 'content_filter' : 'other';
