import type { ModelCall, WireRequest } from '../../core/adapter.ts';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.ts';
import { UnsupportedFeatureError } from '../../core/errors/unsupported-feature-error.ts';
import { convertToResponsesInput } from './convert-to-responses-input.ts';
import type { OpenAICompatibleConfig } from './openai-compatible-adapter.ts';
import type { ConstraintForm } from './prepare-openai-constraint.ts';
import { prepareOpenAIOutput } from './prepare-openai-output.ts';

/** OpenAI's smallest `max_output_tokens` (openai-openapi.yaml CreateResponse: `minimum: 16`). */
export const MIN_OUTPUT_TOKENS = 16;
const ENCRYPTED_REASONING = 'reasoning.encrypted_content';

/** The Chat Completions `response_format` of a call, as the Responses API's `text.format`. */
function textFormat(format: Record<string, unknown>): Record<string, unknown> {
  if (format.type !== 'json_schema') return format;
  return { type: 'json_schema', ...(format.json_schema as Record<string, unknown>) };
}

/**
 * Builds a `POST /v1/responses` request (loaded on the first `responses()` call). `store` is `false`
 * unless asked, so nothing is kept on the server; then, on OpenAI reasoning models, encrypted
 * reasoning is asked for (`include`), so that `response.messages` carries it and a tool loop works
 * statelessly. `maxTokens` is `max_output_tokens` (at least 16), and the Chat Completions names,
 * passed through by mistake, are renamed with a warning (the original sent them as they were, which
 * OpenAI refuses: "In the Responses API, this parameter has moved to 'max_output_tokens'").
 * Sampling settings a reasoning model refuses, `stop` and `seed` (which the API lacks) and
 * `reasoning` on a model that does not reason are left out with a warning. `json()`-style and
 * `object()`-style output uses `text.format`, strict as on Chat Completions.
 * @param call - A `responses` call.
 * @param config - The provider's settings.
 * @param form - How the provider takes a constraint (only a grammar tool works here).
 * @throws {@link InvalidRequestError} for a `max_output_tokens` below 16 or a non-boolean `store`.
 * @throws {@link UnsupportedFeatureError} for a constraint the provider cannot send here.
 */
export async function buildResponsesRequest(
  call: ModelCall,
  config: OpenAICompatibleConfig,
  form: ConstraintForm | undefined,
): Promise<WireRequest> {
  const {
    json: _json,
    previousResponseId,
    parallelToolCalls,
    verbosity,
    store,
    include,
    ...extra
  } = call.extra;
  const warnings: string[] = [];
  const body: Record<string, unknown> = { ...extra, model: call.model };
  if (store !== undefined && typeof store !== 'boolean')
    throw new InvalidRequestError(`store must be true or false; got ${JSON.stringify(store)}.`);
  const keep = store === true;
  body.store = keep;
  if (previousResponseId !== undefined) body.previous_response_id = previousResponseId;
  if (parallelToolCalls !== undefined) body.parallel_tool_calls = parallelToolCalls;
  if (verbosity !== undefined)
    body.text = { ...(body.text as Record<string, unknown> | undefined), verbosity };
  for (const key of ['max_tokens', 'max_completion_tokens']) {
    if (!(key in body)) continue;
    body.max_output_tokens ??= body[key];
    delete body[key];
    warnings.push(`${key} was sent as max_output_tokens, the Responses API's name.`);
  }
  if (call.maxTokens !== undefined) body.max_output_tokens = call.maxTokens;
  const limit = body.max_output_tokens;
  if (typeof limit === 'number' && limit < MIN_OUTPUT_TOKENS) {
    throw new InvalidRequestError(
      `maxTokens ${limit} is below the Responses API's minimum of ${MIN_OUTPUT_TOKENS}: raise it.`,
    );
  }
  const guess = config.isReasoningModel?.(call.model) ?? false;
  const reasons = call.spec ? call.spec.capabilities.reasoning : guess;
  const sampling = call.spec ? call.spec.capabilities.temperature : !guess;
  const settings: [string, unknown][] = [
    ['temperature', call.temperature ?? body.temperature],
    ['top_p', call.topP ?? body.top_p],
  ];
  for (const [key, value] of settings) {
    if (value === undefined) continue;
    if (sampling) body[key] = value;
    else {
      delete body[key];
      warnings.push(`${key} was not sent: ${call.model} does not accept it.`);
    }
  }
  if (call.stop) warnings.push('stop was not sent: the Responses API has no stop sequences.');
  if (call.seed !== undefined) warnings.push('seed was not sent: the Responses API has no seed.');
  if (body.reasoning !== undefined && !reasons && (call.spec || config.provider === 'openai')) {
    delete body.reasoning;
    warnings.push(`reasoning was not sent: ${call.model} is not a reasoning model.`);
  }
  // The output format goes through the Chat Completions helper, then moves to `text.format`.
  const scratch: Record<string, unknown> = {};
  const structuredOutput = config.structuredOutput === 'prompt' ? 'prompt' : 'json_schema';
  const messages = await prepareOpenAIOutput(call, { ...config, structuredOutput }, scratch);
  if (scratch.response_format) {
    const format = textFormat(scratch.response_format as Record<string, unknown>);
    body.text = { ...(body.text as Record<string, unknown> | undefined), format };
  }
  if (call.constraint && form !== 'custom-tool') {
    throw new UnsupportedFeatureError({
      provider: config.provider,
      feature: 'constrained output with responses()',
      detail: 'this server takes grammar, regex and choice on Chat Completions: use chat().',
    });
  }
  const tooling =
    call.tools || call.grammarTools || call.constraint || call.toolChoice !== undefined;
  if (tooling || 'tools' in body || 'tool_choice' in body) {
    const { prepareResponsesTools } = await import('./prepare-responses-tools.ts');
    warnings.push(...prepareResponsesTools(call, body));
  }
  if (call.effort !== undefined || call.serviceTier !== undefined) {
    const { prepareOpenAIEffort } = await import('./prepare-openai-effort.ts');
    warnings.push(...prepareOpenAIEffort(call, body, 'responses', config));
  }
  const asked = Array.isArray(include)
    ? (include as unknown[])
    : include === undefined
      ? []
      : [include];
  const stateless = !keep && config.provider === 'openai' && reasons;
  if (stateless && !asked.includes(ENCRYPTED_REASONING)) asked.push(ENCRYPTED_REASONING);
  if (asked.length || include !== undefined) body.include = asked;
  if (messages.some((m) => m.role === 'tool' || (m.role === 'assistant' && m.toolCalls))) {
    (await import('../../core/check-tool-turns.ts')).checkToolTurns(messages);
  }
  const converted = convertToResponsesInput(messages, config.provider, keep);
  warnings.push(...converted.warnings);
  body.input = converted.input;
  return { path: '/v1/responses', body, warnings };
}
