import { googleModels } from '../../registry/data/google.ts';
import { findModelSpec } from '../../registry/find-model-spec.ts';
import type { ModelSpec } from '../../core/model-spec.ts';

/** Looks a Gemini model up in the registry; imported dynamically so the data is its own chunk. */
export function googleSpec(model: string): ModelSpec | undefined {
  return findModelSpec(googleModels, model);
}
