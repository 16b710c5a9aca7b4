import { loadAnthropicBucket } from '../../registry/data/load-anthropic-bucket.ts';
import type { ModelSpec } from '../../core/model-spec.ts';

/** The spec of one exact Claude id, from the ready specs of its family (its bucket) only. */
const find = async (id: string) => (await loadAnthropicBucket(id))?.specs.find((s) => s.id === id);

/**
 * Looks a Claude model up in the registry, also under its undated alias (`…-20250514` → `…`).
 * Imported statically by the adapter (the lookup is smaller than a chunk's framing and an extra
 * fetch in sequence); it loads only the ready specs of the model's family.
 */
export async function anthropicSpec(model: string): Promise<ModelSpec | undefined> {
  const id = model.replace(/^anthropic\//, '');
  return (await find(id)) ?? find(id.replace(/-\d{8}$/, ''));
}
