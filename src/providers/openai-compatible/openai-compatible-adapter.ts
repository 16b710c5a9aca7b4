import type {
  AdapterFeatures,
  KeyPolicy,
  ModelCall,
  ParsedResponse,
  ProviderAdapter,
  WireRequest,
} from '../../core/adapter.ts';
import type { ProviderBatchAdapter } from '../../core/batch-adapter.ts';
import type { ModelSpec } from '../../core/model-spec.ts';
import { isToolTurn, openaiWireRequest } from './openai-wire-request.ts';
import { USAGE_SHAPE } from './openai-api.ts';
import { common, parseChatResponse } from './parse-openai-response.ts';
import type { ConstraintForm } from './prepare-openai-constraint.ts';
import { prepareOpenAISampling } from './prepare-openai-sampling.ts';

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
 * Whether a call is more than text in and text out: an output format, tools, a constraint, effort or
 * a service tier, content parts or tool turns (see build-chat-request.ts).
 */
const needsChatExtras = (call: ModelCall): boolean =>
  call.output.type !== 'text' ||
  !!(call.tools || call.grammarTools || call.constraint) ||
  call.toolChoice !== undefined ||
  'tools' in call.extra ||
  'tool_choice' in call.extra ||
  call.effort !== undefined ||
  call.serviceTier !== undefined ||
  call.messages.some((m) => typeof m.content !== 'string' || isToolTurn(m));

/**
 * Creates the adapter for the Chat Completions and Completions wire format, configured per provider
 * (OpenAI, xAI, vLLM, any compatible server) rather than copied.
 */
/* @__NO_SIDE_EFFECTS__ */
export function createOpenAICompatibleAdapter(config: OpenAICompatibleConfig): ProviderAdapter {
  const { provider, constraintForm: form } = config;
  const completionModel = (call: ModelCall) =>
    config.isCompletionModel?.(call.model, call.spec) ?? true;
  const usesCompletions = (call: ModelCall) =>
    call.method === 'complete' && call.prompt !== undefined && completionModel(call);
  const stripsNulls = (call: ModelCall) =>
    config.strictSchemas && call.output.type === 'json-schema';
  // Set by buildRequest before any answer they apply to is parsed (parseResponse is synchronous).
  let stripNulls: ((parsed: ParsedResponse, call: ModelCall) => ParsedResponse) | undefined;
  let liftGrammar: ((parsed: ParsedResponse) => ParsedResponse) | undefined;

  /** The answer as the caller gets it: a forced grammar tool's input as text, optional nulls gone. */
  function finish(parsed: ParsedResponse, call: ModelCall): ParsedResponse {
    const lifted =
      call.constraint && form === 'custom-tool' && liftGrammar ? liftGrammar(parsed) : parsed;
    return stripsNulls(call) && stripNulls ? stripNulls(lifted, call) : lifted;
  }

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
    authHeaders: (key): Record<string, string> => (key ? { authorization: `Bearer ${key}` } : {}),

    async buildRequest(call: ModelCall): Promise<WireRequest> {
      if (call.method !== 'complete' && config.isCompletionModel && completionModel(call)) {
        throw (await import('./completion-only-error.ts')).completionOnlyError(
          provider,
          call.model,
        );
      }
      if (stripsNulls(call))
        stripNulls = (await import('./json-schema-format.ts')).withoutOptionalNulls;
      if (call.constraint || call.grammarTools) {
        const grammar = await import('./check-grammar-model.ts');
        grammar.checkGrammarModel(call, provider, form);
        liftGrammar = grammar.liftGrammarAnswer;
      }
      if (call.method === 'responses') {
        // Loaded on the first responses() call: chat bundles carry none of the Responses API.
        const { buildResponsesRequest } = await import('./build-responses-request.ts');
        return buildResponsesRequest(call, config, form);
      }
      const guess = config.isReasoningModel?.(call.model) ?? false;
      if (needsChatExtras(call)) {
        // Loaded on first use: a text-in, text-out call needs none of the output, tool, constraint,
        // effort or message-part mapping.
        const { buildChatRequest } = await import('./build-chat-request.ts');
        return buildChatRequest(call, config, form, guess, usesCompletions(call), {
          prepareOpenAISampling,
          openaiWireRequest,
          isToolTurn,
        });
      }
      const body: Record<string, unknown> = { ...call.extra, model: call.model };
      const warnings = prepareOpenAISampling(call, body, guess);
      const messages = usesCompletions(call)
        ? undefined
        : call.messages.map(({ role, content }) => ({ role, content }));
      return openaiWireRequest(call, body, warnings, messages);
    },

    streamRequest: (wire, call) => ({
      ...wire,
      // include_usage: the last chunk carries the usage, so a streamed call is counted exactly. The
      // Responses API always ends with the usage (`response.completed`) and has no such option.
      body:
        call.method === 'responses'
          ? { ...wire.body, stream: true }
          : {
              ...wire.body,
              stream: true,
              stream_options: { ...(wire.body.stream_options as object), include_usage: true },
            },
    }),

    streamReader: async (call, url) =>
      call.method === 'responses'
        ? (await import('./parse-responses-stream.ts')).createResponsesStreamReader(provider, url)
        : (await import('./parse-openai-stream.ts')).createOpenAIStreamReader(provider, url),

    parseResponse: (body, call, url) =>
      call.method === 'responses'
        ? import('./parse-responses-response.ts').then((m) =>
            finish(m.parseResponsesResponse(body, provider, url), call),
          )
        : usesCompletions(call)
          ? // Loaded on first use: only complete() on a text-completion model answers this way.
            import('./parse-completion-response.ts').then((m) =>
              m.parseCompletionResponse(body, provider, url, { common, usageShape: USAGE_SHAPE }),
            )
          : parseChatResponse(body, provider, url).then((parsed) => finish(parsed, call)),
  };
}
