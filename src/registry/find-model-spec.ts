import { decodeModelSpec } from './decode-model-spec.ts';
import type { ModelSlice } from './model-row.ts';
import type { ModelSpec } from './types.ts';

/**
 * Looks a model up in one provider's data slice: it pulls in only the slice passed and a small
 * decoder, not the other providers' data or the query functions. (The built-in adapters read their
 * model family's ready specs instead: see load-openai-bucket.ts.)
 * @param slice - A generated slice, for example `openaiModels` from `registry/data/openai.ts`.
 * @param id - The model id sent to the API.
 * @returns The model's spec, or `undefined` for an unknown id (callers then use safe defaults).
 * @example
 * ```ts
 * import { openaiModels } from '../../registry/data/openai.ts';
 * const spec = findModelSpec(openaiModels, 'o3-mini');
 * const limitParam = spec?.requiresMaxCompletionTokens ? 'max_completion_tokens' : 'max_tokens';
 * ```
 */
export function findModelSpec(slice: ModelSlice, id: string): ModelSpec | undefined {
  // A linear scan over < 100 rows costs microseconds per request and keeps no module state.
  const row = slice.rows.find((r) => r[0] === id);
  return row && decodeModelSpec(slice.provider, row);
}
