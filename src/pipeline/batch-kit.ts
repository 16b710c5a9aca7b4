import { apiUrl } from '../core/base-url.ts';
import { mergeHeaders } from '../core/merge-headers.ts';
import { resolveKey } from '../keys/resolve-key.ts';
import { buildCall } from './build-call.ts';
import { normalizeMessages } from './normalize-messages.ts';
import { withRetries } from './retry.ts';
import type { readCache, writeCache } from './cached-call.ts';
import { isObserved, prepare } from './run-call.ts';
import { sendRequest } from './send-request.ts';
import { toModelResponse } from './to-model-response.ts';

/**
 * The call machinery of the entry chunk, handed to the batch code (loaded on demand) instead of
 * imported by it: a static import from a lazy chunk makes bundlers move these modules out of the
 * entry into shared chunks, and every chat-only page would then download more.
 */
export const batchKit = {
  // The cache path is its own chunk, loaded as run-call loads it (see cachedCall).
  readCache: async (...args: Parameters<typeof readCache>) =>
    (await import('./cached-call.ts')).readCache(...args),
  writeCache: async (...args: Parameters<typeof writeCache>) =>
    (await import('./cached-call.ts')).writeCache(...args),
  apiUrl,
  mergeHeaders,
  resolveKey,
  buildCall,
  normalizeMessages,
  withRetries,
  isObserved,
  prepare,
  sendRequest,
  toModelResponse,
};

/** See {@link batchKit}. */
export type BatchKit = typeof batchKit;
