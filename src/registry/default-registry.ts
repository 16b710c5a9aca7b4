import { createRegistry, type ModelRegistry } from './create-registry.ts';

// Memoised on first use rather than built at import time (style §11.6 rule 3). The instance is frozen,
// so sharing it is safe; users who need other models create their own with createRegistry().
let defaultRegistry: ModelRegistry | undefined;

/**
 * The registry of the built-in models that the free query functions use, built on first call.
 * @returns The shared, immutable default registry.
 */
export function getDefaultRegistry(): ModelRegistry {
  defaultRegistry ??= createRegistry();
  return defaultRegistry;
}
