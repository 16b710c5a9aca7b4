import { loadGoogleBucket } from '../../registry/data/load-google-bucket.ts';
import type { ModelSpec } from '../../core/model-spec.ts';

/**
 * Looks a Gemini model up in the registry, loading only the specs of the model's family. Imported
 * statically by the adapter: Google's data is small, so a lazy chunk for this table cost more than
 * it saved.
 */
export async function googleSpec(model: string): Promise<ModelSpec | undefined> {
  // The family file holds ready specs: picking one by id needs no decoder on the call path.
  return (await loadGoogleBucket(model))?.specs.find((s) => s.id === model);
}
