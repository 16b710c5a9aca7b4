import { loadOpenaiBucket } from '../../registry/data/load-openai-bucket.ts';
import type { ModelSpec } from '../../core/model-spec.ts';

/**
 * Looks an OpenAI model up in the registry. Imported statically by {@link OpenAIModel} (a chunk of
 * its own cost more framing than the lookup weighs, and one more fetch in sequence); it loads only
 * the ready specs of the model's family (its bucket), so a web bundle fetches a handful of specs.
 */
export async function openaiSpec(model: string): Promise<ModelSpec | undefined> {
  // The family file holds ready specs: picking one by id needs no decoder on the call path.
  return (await loadOpenaiBucket(model))?.specs.find((s) => s.id === model);
}
