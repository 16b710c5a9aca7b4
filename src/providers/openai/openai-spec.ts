import { openaiModels } from '../../registry/data/openai.ts';
import { findModelSpec } from '../../registry/find-model-spec.ts';
import type { ModelSpec } from '../../core/model-spec.ts';

/**
 * Looks an OpenAI model up in the registry. Imported dynamically by {@link OpenAIModel}, so the data
 * is its own chunk in web bundles.
 */
export function openaiSpec(model: string): ModelSpec | undefined {
  return findModelSpec(openaiModels, model);
}
