import { loadXaiBucket } from '../../registry/data/load-xai-bucket.ts';
import type { ModelSpec } from '../../core/model-spec.ts';

/** Looks an xAI model up in the registry; imported statically, it loads only its family's specs. */
export async function xaiSpec(model: string): Promise<ModelSpec | undefined> {
  // The family file holds ready specs: picking one by id needs no decoder on the call path.
  return (await loadXaiBucket(model))?.specs.find((s) => s.id === model);
}
