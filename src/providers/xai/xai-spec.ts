import { loadXaiBucket } from '../../registry/data/load-xai-bucket.ts';
import { findModelSpec } from '../../registry/find-model-spec.ts';
import type { ModelSpec } from '../../core/model-spec.ts';

/** Looks an xAI model up in the registry; imported statically, it loads only its family's rows. */
export async function xaiSpec(model: string): Promise<ModelSpec | undefined> {
  const bucket = await loadXaiBucket(model);
  return bucket && findModelSpec(bucket.slice, model);
}
