import type { ModelSpec } from '../registry/types.ts';
import type { ModelCall } from './adapter.ts';
import { UnsupportedFeatureError } from './errors/unsupported-feature-error.ts';

/**
 * Rejects, before any request, a call that asks a known model for tools or image input it lacks.
 * Unknown models (no spec) are allowed: the provider will answer for itself.
 * @param call - The call to check.
 * @param spec - The registry's record of the model, if any.
 * @param provider - For the error.
 * @throws {@link UnsupportedFeatureError} naming the model and what to use instead.
 */
export function checkCapabilities(
  call: ModelCall,
  spec: ModelSpec | undefined,
  provider: string,
): void {
  if (!spec) return;
  const fail = (feature: string) => {
    throw new UnsupportedFeatureError({
      provider,
      feature,
      detail: `the model registry says ${call.model} has no ${feature}; choose a model that has it (see filterModels in alea-llm-client/registry).`,
    });
  };
  if (call.tools?.length && !spec.capabilities.tools) fail('tool calling');
  const hasImage = call.messages.some(
    (m) =>
      m.role === 'user' && Array.isArray(m.content) && m.content.some((p) => p.type === 'image'),
  );
  if (hasImage && !spec.capabilities.vision) fail('image input');
}
