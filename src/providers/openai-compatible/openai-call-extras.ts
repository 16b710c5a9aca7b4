import type { ModelCall, ParsedResponse, WireRequest } from '../../core/adapter.ts';
import type { WireShape } from '../../core/wire-misfit.ts';
import { buildChatRequest } from './build-chat-request.ts';
import type { OpenAICompatibleConfig } from './openai-compatible-adapter.ts';
import type { common, parseChatResponse } from './parse-openai-response.ts';

/**
 * The adapter's chat parser and its helpers, passed in rather than imported: an on-demand chunk that
 * imported them would import the adapter's chunk, and a bundler would then split that chunk off the
 * page's entry (one more script on every first call).
 */
export interface ExtrasKit {
  parseChatResponse: typeof parseChatResponse;
  common: typeof common;
  usageShape: WireShape;
}

/** Whether the model takes `complete()` on `/v1/completions` (every model, unless the config says). */
const completionModel = (call: ModelCall, config: OpenAICompatibleConfig) =>
  config.isCompletionModel?.(call.model, call.spec) ?? true;

/** Whether a call goes to `/v1/completions`: `complete()` on a text-completion model. */
const usesCompletions = (call: ModelCall, config: OpenAICompatibleConfig) =>
  call.method === 'complete' && call.prompt !== undefined && completionModel(call, config);

/**
 * Builds every request that is not plain chat (loaded on the first such call): the Responses API,
 * `/v1/completions`, sampling settings, output formats, tools, constraints, effort, service tiers,
 * content parts and tool turns. Each of those parts loads on its own first use.
 * @param call - The call.
 * @param config - The provider's settings.
 * @throws `InvalidRequestError` for chat on a completion-only model, or a constraint the model
 *   cannot take.
 */
export async function buildExtrasRequest(
  call: ModelCall,
  config: OpenAICompatibleConfig,
): Promise<WireRequest> {
  const { provider, constraintForm: form } = config;
  if (call.method !== 'complete' && config.isCompletionModel && completionModel(call, config)) {
    throw (await import('./completion-only-error.ts')).completionOnlyError(provider, call.model);
  }
  if (call.constraint || call.grammarTools) {
    (await import('./check-grammar-model.ts')).checkGrammarModel(call, provider, form);
  }
  if (call.method === 'responses') {
    // The answer's reader starts loading now, while the request is built and sent, not after the
    // answer arrived (in a browser each chunk is a round trip).
    import('./parse-responses-response.ts').catch(() => {});
    // Loaded on the first responses() call: chat bundles carry none of the Responses API.
    const { buildResponsesRequest } = await import('./build-responses-request.ts');
    return buildResponsesRequest(call, config, form);
  }
  const guess = config.isReasoningModel?.(call.model) ?? false;
  return buildChatRequest(call, config, form, guess, usesCompletions(call, config));
}

/**
 * Maps the answer to a call that is not plain chat: a Responses API or `/v1/completions` body, or a
 * chat answer, with a forced grammar tool's input as the text and optional nulls stripped.
 * @param body - The parsed JSON body.
 * @param call - The call.
 * @param url - The request URL, for errors.
 * @param config - The provider's settings.
 * @param kit - The adapter's chat parser (see {@link ExtrasKit}).
 */
export async function parseExtrasResponse(
  body: unknown,
  call: ModelCall,
  url: string,
  config: OpenAICompatibleConfig,
  kit: ExtrasKit,
): Promise<ParsedResponse> {
  const { provider } = config;
  if (usesCompletions(call, config)) {
    // Only complete() on a text-completion model answers this way.
    const { parseCompletionResponse } = await import('./parse-completion-response.ts');
    return parseCompletionResponse(body, provider, url, kit);
  }
  let parsed =
    call.method === 'responses'
      ? (await import('./parse-responses-response.ts')).parseResponsesResponse(body, provider, url)
      : await kit.parseChatResponse(body, provider, url);
  if (call.constraint && config.constraintForm === 'custom-tool') {
    parsed = (await import('./check-grammar-model.ts')).liftGrammarAnswer(parsed);
  }
  if (config.strictSchemas && call.output.type === 'json-schema') {
    parsed = (await import('./json-schema-format.ts')).withoutOptionalNulls(parsed, call);
  }
  return parsed;
}
