import type { OutputFormat, ProviderAdapter } from '../core/adapter.ts';
import { UnsupportedFeatureError } from '../core/errors/unsupported-feature-error.ts';
import type { ResponsesOptions } from './options.ts';
import type { OutputCheck } from './request-with-repairs.ts';

/**
 * What `responses()` asks for, loaded on its first call so that chat-only bundles carry none of it:
 * text, any JSON (`json: true`) or an object matching `schema`, each with the check `json()` and
 * `object()` use (repairs included).
 * @param adapter - The model's adapter.
 * @param options - The call's options.
 * @param stream - For `streamResponses()` (its name goes into errors).
 * @throws {@link UnsupportedFeatureError} on a model class that does not serve the Responses API.
 */
export async function prepareResponses(
  adapter: Pick<ProviderAdapter, 'provider' | 'features'>,
  options: ResponsesOptions,
  stream?: boolean,
): Promise<{ output: OutputFormat; check?: OutputCheck }> {
  const method = stream ? 'streamResponses' : 'responses';
  if (!adapter.features?.responses) {
    throw new UnsupportedFeatureError({
      provider: adapter.provider,
      feature: `${method}()`,
      detail:
        "this model does not use OpenAI's Responses API (OpenAIModel and GrokModel do, and " +
        'VLLMModel or OpenAICompatibleModel constructed with `responses: true`): use ' +
        (method === 'responses' ? 'chat()' : 'stream()') +
        ', which takes the same input and options.',
    });
  }
  if (options.schema !== undefined) {
    const { prepareObjectOutput } = await import('./prepare-object-output.ts');
    return prepareObjectOutput(options, method);
  }
  if (options.json)
    return { output: { type: 'json' }, check: async (value) => ({ ok: true, value }) };
  return { output: { type: 'text' } };
}
