// The spec slices first: bundlers emit modules in import order, and the ./registry bundle gzips
// about 40 B smaller with the rows of all providers together than interleaved with the details.
import { openaiModels } from './data/openai.ts';
import { anthropicModels } from './data/anthropic.ts';
import { googleModels } from './data/google.ts';
import { xaiModels } from './data/xai.ts';
import { anthropicModelDetails } from './data/anthropic-details.ts';
import { googleModelDetails } from './data/google-details.ts';
import { openaiModelDetails } from './data/openai-details.ts';
import { xaiModelDetails } from './data/xai-details.ts';
import { decodeModelInfos } from './decode-model-info.ts';
import type { DetailRow, ModelSlice } from './model-row.ts';
import type { ModelInfo } from './types.ts';

/** Providers with built-in data. */
export type BuiltinProvider = 'openai' | 'anthropic' | 'google' | 'xai';

const SOURCES: Readonly<Record<BuiltinProvider, readonly [ModelSlice, readonly DetailRow[]]>> = {
  openai: [openaiModels, openaiModelDetails],
  anthropic: [anthropicModels, anthropicModelDetails],
  google: [googleModels, googleModelDetails],
  xai: [xaiModels, xaiModelDetails],
};

/** Every provider with built-in data, in registry order. */
export const BUILTIN_PROVIDERS: readonly BuiltinProvider[] = [
  'openai',
  'anthropic',
  'google',
  'xai',
];

/**
 * Decodes the built-in models of the given providers. Called when a registry is created, never at
 * import time.
 * @param providers - Which providers to decode.
 * @default providers every built-in provider
 * @returns Fresh entries, grouped by provider and sorted by id within each.
 */
export function loadBuiltinModels(
  providers: readonly BuiltinProvider[] = BUILTIN_PROVIDERS,
): ModelInfo[] {
  // createRegistry has checked the names (checkInclude): every one has a source.
  return providers.flatMap((p) => decodeModelInfos(...SOURCES[p]));
}
