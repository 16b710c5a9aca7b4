import { anthropicModels } from '../../registry/data/anthropic.ts';
import { findModelSpec } from '../../registry/find-model-spec.ts';
import type { ModelSpec } from '../../core/model-spec.ts';

/**
 * Looks a Claude model up in the registry, also under its undated alias (`…-20250514` → `…`).
 * Imported dynamically by the adapter, so the data is its own chunk in web bundles.
 */
export function anthropicSpec(model: string): ModelSpec | undefined {
  const id = model.replace(/^anthropic\//, '');
  return (
    findModelSpec(anthropicModels, id) ?? findModelSpec(anthropicModels, id.replace(/-\d{8}$/, ''))
  );
}
