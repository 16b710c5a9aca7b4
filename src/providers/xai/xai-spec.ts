import { xaiModels } from '../../registry/data/xai.ts';
import { findModelSpec } from '../../registry/find-model-spec.ts';
import type { ModelSpec } from '../../core/model-spec.ts';

/** Looks an xAI model up in the registry; imported dynamically so the data is its own chunk. */
export function xaiSpec(model: string): ModelSpec | undefined {
  return findModelSpec(xaiModels, model);
}
