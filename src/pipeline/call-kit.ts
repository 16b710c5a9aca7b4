import { apiUrl } from '../core/base-url.ts';
import { mergeHeaders } from '../core/merge-headers.ts';
import { resolveKey } from '../keys/resolve-key.ts';
import { buildCall } from './build-call.ts';
import { normalizeMessages } from './normalize-messages.ts';
import { withRetries } from './retry.ts';
import { readCache, writeCache } from './cached-call.ts';
import { isObserved, prepare, runMethod } from './run-call.ts';
import { sendRequest } from './send-request.ts';
import { toModelResponse } from './to-model-response.ts';

/**
 * The call machinery of the entry chunk, handed to the code loaded on demand (batch jobs, streams,
 * the model's other methods) instead of imported by it: a static import from a lazy chunk makes
 * bundlers keep these modules live (or move them into shared chunks) for every consumer of an entry
 * that merely includes the model, so pages that never call a model would download more.
 */
export const callKit = {
  // Plain imports: run-call loads the cache path with the first call anyway.
  readCache,
  writeCache,
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
  runMethod,
};

/** See {@link callKit}. */
export type CallKit = typeof callKit;
