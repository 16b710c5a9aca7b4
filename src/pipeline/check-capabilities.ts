import type { ModelSpec } from '../core/model-spec.ts';
import type { ModelCall } from '../core/adapter.ts';
import { InvalidRequestError } from '../core/errors/invalid-request-error.ts';
import { UnsupportedFeatureError } from '../core/errors/unsupported-feature-error.ts';

/** True when the call's `thinking` option asks for thinking (rather than turning it off). */
function wantsThinking(thinking: unknown): boolean {
  if (thinking === undefined || thinking === null || thinking === false) return false;
  if (typeof thinking !== 'object') return true;
  const t = thinking as { type?: unknown; enabled?: unknown };
  return t.type !== 'disabled' && t.enabled !== false;
}

/**
 * Rejects, before any request, a call that asks a known model for tools, image input, structured
 * output or thinking it lacks, or for more output tokens than it can produce (every provider refuses
 * that with a 400: OpenAI "max_tokens is too large", Anthropic "max_tokens: N > M", Gemini "the
 * supported range is from 1 to M").
 * Unknown models (no spec) are allowed: the provider will answer for itself.
 * @param call - The call to check.
 * @param spec - The registry's record of the model, if any.
 * @param provider - For the error.
 * @throws {@link UnsupportedFeatureError} naming the model and what to use instead.
 * @throws {@link InvalidRequestError} for a `maxTokens` above the model's maximum output.
 */
export function checkCapabilities(
  call: ModelCall,
  spec: ModelSpec | undefined,
  provider: string,
): void {
  if (!spec) return;
  if (call.maxTokens !== undefined && call.maxTokens > spec.maxOutputTokens) {
    throw new InvalidRequestError(
      `maxTokens ${call.maxTokens} is above ${call.model}'s maximum output of ` +
        `${spec.maxOutputTokens} tokens (model registry): lower it, or leave it unset.`,
    );
  }
  const fail = (feature: string) => {
    throw new UnsupportedFeatureError({
      provider,
      feature,
      detail: `the model registry says ${call.model} has no ${feature}; choose a model that has it (see filterModels in alea-llm-client/registry)${feature === 'structured output' ? ', or use json() and validate the data' : ''}.`,
    });
  };
  if (call.tools?.length && !spec.capabilities.tools) fail('tool calling');
  const hasImage = call.messages.some(
    (m) =>
      m.role === 'user' && Array.isArray(m.content) && m.content.some((p) => p.type === 'image'),
  );
  if (hasImage && !spec.capabilities.vision) fail('image input');
  if (call.output.type === 'json-schema' && !spec.capabilities.structuredOutput) {
    fail('structured output');
  }
  if (wantsThinking(call.extra.thinking) && !spec.capabilities.thinking) fail('thinking');
}
