import { loadGoogleBucket } from '../../registry/data/load-google-bucket.ts';
import { findModelSpec } from '../../registry/find-model-spec.ts';
import type { ModelSpec } from '../../core/model-spec.ts';

/** Looks a Gemini model up in the registry; imported dynamically, it loads only its family's rows. */
export async function googleSpec(model: string): Promise<ModelSpec | undefined> {
  const bucket = await loadGoogleBucket(model);
  return bucket && findModelSpec(bucket.slice, model);
}
