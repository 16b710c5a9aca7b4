import type { KeyPolicy, ModelCall, ProviderAdapter, WireRequest } from '../../core/adapter.ts';
import type { ModelSpec } from '../../registry/types.ts';
import type { Message } from '../../core/types.ts';
import { convertToOpenAIMessages } from './convert-to-openai-messages.ts';
import { parseChatResponse, parseCompletionResponse } from './parse-openai-response.ts';
import { prepareOpenAITools } from './prepare-openai-tools.ts';
import { isStrictCompatible } from './strict-json-schema.ts';

/** How `object()` asks a server for schema-shaped output. */
export type StructuredOutputMode =
  /** `response_format: { type: 'json_schema' }` (OpenAI, xAI, most compatible servers). */
  | 'json_schema'
  /** vLLM ≥ 0.12: `structured_outputs: { json: schema }`. */
  | 'structured_outputs'
  /** vLLM ≤ 0.11: `guided_json: schema`. */
  | 'guided_json'
  /** No native support: the schema goes into the system prompt. */
  | 'prompt';

/** What differs between OpenAI-compatible providers. */
export interface OpenAICompatibleConfig {
  provider: string;
  keys: KeyPolicy;
  /** Whether the server takes `response_format: { type: 'json_object' }` for `json()`. */
  jsonObject: boolean;
  structuredOutput: StructuredOutputMode;
  /** Loads the registry's record of a model: token-limit parameter, temperature, capabilities, prices. */
  loadSpec?: (model: string) => Promise<ModelSpec | undefined>;
  /**
   * For models the registry does not know: whether the id looks like a reasoning model, which takes
   * `max_completion_tokens` and no sampling temperature (OpenAI's o-series and GPT-5).
   */
  isReasoningModel?: (model: string) => boolean;
}

const mentionsJson = (messages: readonly Message[]) =>
  messages.some((m) => typeof m.content === 'string' && /json/i.test(m.content));

/** Adds an instruction to the system prompt (creating one when there is none). */
function withInstruction(messages: Message[], instruction: string): Message[] {
  const [first, ...rest] = messages;
  if (first?.role === 'system')
    return [{ role: 'system', content: `${first.content}\n\n${instruction}` }, ...rest];
  return [{ role: 'system', content: instruction }, ...messages];
}

/**
 * Creates the adapter for the Chat Completions and Completions wire format, configured per provider
 * (OpenAI, xAI, vLLM, any compatible server) rather than copied.
 */
/* @__NO_SIDE_EFFECTS__ */
export function createOpenAICompatibleAdapter(config: OpenAICompatibleConfig): ProviderAdapter {
  const { provider } = config;
  return {
    specificationVersion: 'v1',
    provider,
    keys: config.keys,
    loadSpec: config.loadSpec,
    authHeaders: (key): Record<string, string> => (key ? { authorization: `Bearer ${key}` } : {}),

    buildRequest(call: ModelCall): WireRequest {
      const warnings: string[] = [];
      const { spec } = call;
      const guess = config.isReasoningModel?.(call.model) ?? false;
      const limitParam =
        (spec?.requiresMaxCompletionTokens ?? guess) ? 'max_completion_tokens' : 'max_tokens';
      const sampling = spec ? spec.capabilities.temperature : !guess;
      const body: Record<string, unknown> = { ...call.extra, model: call.model };
      let messages = call.messages;
      const { output } = call;
      if (output.type === 'json' && config.jsonObject) {
        body.response_format = { type: 'json_object' };
        // OpenAI rejects json_object unless a message mentions JSON.
        if (!mentionsJson(messages)) messages = withInstruction(messages, 'Respond in JSON.');
      } else if (
        output.type === 'json' ||
        (output.type === 'json-schema' && config.structuredOutput === 'prompt')
      ) {
        const schema =
          output.type === 'json-schema'
            ? ` matching this JSON Schema: ${JSON.stringify(output.schema)}`
            : '';
        messages = withInstruction(messages, `Respond with only JSON${schema}, no other text.`);
      } else if (output.type === 'json-schema') {
        if (config.structuredOutput === 'json_schema') {
          body.response_format = {
            type: 'json_schema',
            json_schema: {
              name: output.name,
              schema: output.schema,
              strict: isStrictCompatible(output.schema),
            },
          };
        } else if (config.structuredOutput === 'structured_outputs') {
          body.structured_outputs = { json: output.schema };
        } else {
          body.guided_json = output.schema;
        }
      }
      if (call.maxTokens !== undefined) body[limitParam] = call.maxTokens;
      if (limitParam === 'max_completion_tokens' && 'max_tokens' in body) {
        body.max_completion_tokens ??= body.max_tokens;
        delete body.max_tokens;
        warnings.push(
          'max_tokens was sent as max_completion_tokens, which reasoning models require.',
        );
      }
      for (const [key, value] of [
        ['temperature', call.temperature],
        ['top_p', call.topP],
      ] as const) {
        if (value === undefined) continue;
        if (!sampling) warnings.push(`${key} was not sent: ${call.model} does not accept it.`);
        else body[key] = value;
      }
      if (call.stop) body.stop = call.stop;
      if (call.seed !== undefined) body.seed = call.seed;
      Object.assign(body, prepareOpenAITools(call));

      if (call.method === 'complete' && call.prompt !== undefined) {
        return { path: '/v1/completions', body: { ...body, prompt: call.prompt }, warnings };
      }
      return {
        path: '/v1/chat/completions',
        body: { ...body, messages: convertToOpenAIMessages(messages) },
        warnings,
      };
    },

    parseResponse: (body, call, url) =>
      call.method === 'complete'
        ? parseCompletionResponse(body, provider, url)
        : parseChatResponse(body, provider, url),
  };
}
