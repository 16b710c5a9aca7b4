import type { AdapterFeatures, KeyPolicy, ModelCall, ProviderAdapter } from '../../core/adapter.ts';
import type { ProviderBatchAdapter } from '../../core/batch-adapter.ts';
import { lazy } from '../../core/lazy.ts';
import { parseRateLimit } from '../../core/rate-limit.ts';
import type { ModelSpec } from '../../core/model-spec.ts';
import { USAGE_SHAPE } from './openai-api.ts';
import { common, parseChatResponse } from './parse-openai-response.ts';
import type { ConstraintForm } from './prepare-openai-constraint.ts';

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
  /**
   * Whether `object()` rewrites schemas for OpenAI's strict mode (closed objects, optional properties
   * required and nullable) and strips the nulls of optional properties from the answer.
   */
  strictSchemas?: boolean;
  /**
   * Whether a model takes `complete()` on the legacy `/v1/completions` endpoint. When absent, every
   * model does (vLLM, compatible servers); otherwise `complete()` on other models is one chat turn.
   */
  isCompletionModel?: (model: string, spec: ModelSpec | undefined) => boolean;
  /** Loads the registry's record of a model: token-limit parameter, temperature, capabilities, prices. */
  loadSpec?: (model: string) => Promise<ModelSpec | undefined>;
  /**
   * For models the registry does not know: whether the id looks like a reasoning model, which takes
   * `max_completion_tokens` and no sampling temperature (OpenAI's o-series and GPT-5).
   */
  isReasoningModel?: (model: string) => boolean;
  /** Loads the provider's batch API adapter, when it has one the client supports. */
  loadBatch?: () => Promise<ProviderBatchAdapter>;
  /** Whether the server serves OpenAI's Responses API (`responses()`). */
  responses?: boolean;
  /**
   * How the server takes `grammar`, `regex` and `choice`; absent when it cannot constrain output.
   * `custom-tool` (OpenAI) also enables portable grammar tools.
   */
  constraintForm?: ConstraintForm;
}

/** What each constraint form can carry. */
const CONSTRAINTS: Record<ConstraintForm, AdapterFeatures['constraints']> = {
  'custom-tool': ['lark', 'regex', 'choice'],
  structured_outputs: ['lark', 'regex', 'gbnf', 'choice'],
  guided: ['lark', 'regex', 'gbnf', 'choice'],
  llama: ['gbnf'],
};

/**
 * Whether a call is plain chat: text in and text out over Chat Completions, with no sampling setting,
 * pass-through member, output format, tool, constraint, effort, service tier, content part or tool
 * turn, on a chat model. Only such calls are built and parsed here; the rest loads on first use
 * (openai-call-extras.ts). Erring towards "not plain" is safe: the extras build every call alike.
 */
const isPlainChat = (call: ModelCall, config: OpenAICompatibleConfig): boolean =>
  call.method !== 'responses' &&
  call.output.type === 'text' &&
  !(call.tools || call.grammarTools || call.constraint || call.stop) &&
  [
    call.toolChoice,
    call.effort,
    call.serviceTier,
    call.maxTokens,
    call.temperature,
    call.topP,
    call.seed,
  ].every((v) => v === undefined) &&
  !Object.keys(call.extra).length &&
  call.messages.every(
    (m) =>
      typeof m.content === 'string' && (m.role === 'assistant' ? !m.toolCalls : m.role !== 'tool'),
  ) &&
  // complete() on a text-completion model, or chat on a completion-only one, is not plain chat.
  !(
    (call.method === 'complete' || config.isCompletionModel) &&
    (config.isCompletionModel?.(call.model, call.spec) ?? true)
  );

/**
 * Creates the adapter for the Chat Completions and Completions wire format, configured per provider
 * (OpenAI, xAI, vLLM, any compatible server) rather than copied.
 */
/* @__NO_SIDE_EFFECTS__ */
export function createOpenAICompatibleAdapter(config: OpenAICompatibleConfig): ProviderAdapter {
  const { provider, constraintForm: form } = config;
  // What plain chat never needs: loaded once, with the first other call, and passed the chat parser
  // (a repeated import() would cost every such call a module lookup and a promise).
  const extras = lazy(() => import('./openai-call-extras.ts'));
  const kit = { parseChatResponse, common, usageShape: USAGE_SHAPE };

  return {
    specificationVersion: 'v1',
    provider,
    keys: config.keys,
    features: {
      responses: config.responses,
      constraints: form ? CONSTRAINTS[form] : undefined,
      grammarTools: form === 'custom-tool',
    },
    loadSpec: config.loadSpec,
    loadBatch: config.loadBatch,
    // OpenAI and xAI send `x-ratelimit-*` headers (compatible servers may too).
    rateLimit: parseRateLimit,
    authHeaders: (key): Record<string, string> => (key ? { authorization: `Bearer ${key}` } : {}),

    buildRequest: async (call) =>
      isPlainChat(call, config)
        ? {
            path: '/v1/chat/completions',
            body: {
              model: call.model,
              messages: call.messages.map(({ role, content }) => ({ role, content })),
            },
            warnings: [],
          }
        : (await extras()).buildExtrasRequest(call, config),

    streamRequest: (wire, call) => ({
      ...wire,
      // include_usage: the last chunk carries the usage, so a streamed call is counted exactly. The
      // Responses API always ends with the usage (`response.completed`) and has no such option.
      body: {
        ...wire.body,
        stream: true,
        ...(call.method !== 'responses' && {
          stream_options: { ...(wire.body.stream_options as object), include_usage: true },
        }),
      },
    }),

    streamReader: async (call, url) =>
      call.method === 'responses'
        ? (await import('./parse-responses-stream.ts')).createResponsesStreamReader(provider, url)
        : (await import('./parse-openai-stream.ts')).createOpenAIStreamReader(provider, url, call),

    parseResponse: (body, call, url) =>
      isPlainChat(call, config)
        ? parseChatResponse(body, provider, url)
        : extras().then((m) => m.parseExtrasResponse(body, call, url, config, kit)),
  };
}
