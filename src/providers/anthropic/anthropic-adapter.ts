import type { ModelCall, ProviderAdapter, WireRequest } from '../../core/adapter.ts';
import { isBrowser } from '../../core/is-browser.ts';
import { anthropicMaxOutput } from './anthropic-max-output.ts';
import {
  closeObjects,
  defaultStructuredOutput,
  type AnthropicStructuredOutput,
} from './anthropic-structured-output.ts';
import { convertToAnthropicMessages } from './convert-to-anthropic-messages.ts';
import { parseAnthropicResponse } from './parse-anthropic-response.ts';

/** Settings of the Anthropic adapter, fixed per model instance. */
export interface AnthropicAdapterConfig {
  /** The `anthropic-version` header. */
  version: string;
  /** Whether calls from a browser page are allowed (the key is then visible to the page's users). */
  dangerouslyAllowBrowser: boolean;
  /**
   * Whether the endpoint is Anthropic's own host. Only then is a browser call refused: a proxy of
   * the user's (the recommended set-up) holds the key itself.
   */
  directToAnthropic: boolean;
  /** Overrides the per-model choice of structured-output mode. */
  structuredOutput?: AnthropicStructuredOutput;
}

/** The JSON instruction for `json()`: the Messages API has no JSON mode. */
const JSON_INSTRUCTION = 'Respond with only a JSON value, no other text and no code fences.';

/**
 * Creates the adapter for Anthropic's Messages API (`POST /v1/messages`). Calls options it maps
 * itself (`thinking`, `cacheControl`) are taken out of the pass-through body members. The code for
 * thinking, tools and cache hints is imported on first use, so a plain chat bundle stays small.
 */
/* @__NO_SIDE_EFFECTS__ */
export function createAnthropicAdapter(config: AnthropicAdapterConfig): ProviderAdapter {
  const modeOf = (call: ModelCall) =>
    call.output.type === 'json-schema'
      ? (config.structuredOutput ?? defaultStructuredOutput(call.model))
      : undefined;
  return {
    specificationVersion: 'v1',
    provider: 'anthropic',
    keys: {
      env: ['ANTHROPIC_API_KEY'],
      file: 'anthropic',
      required: true,
      hosts: ['api.anthropic.com'],
    },
    // The API version and beta features change answers: they are part of the cache key.
    cacheKeyHeaders: ['anthropic-version', 'anthropic-beta'],
    loadSpec: (model) => import('./anthropic-spec.ts').then((m) => m.anthropicSpec(model)),
    authHeaders: (key): Record<string, string> => (key ? { 'x-api-key': key } : {}),

    async buildRequest(call: ModelCall): Promise<WireRequest> {
      if (config.directToAnthropic && !config.dangerouslyAllowBrowser && isBrowser()) {
        // Only browsers without the opt-in need the error's long explanation: load it there.
        throw new (await import('./browser-access-error.ts')).BrowserAccessError();
      }
      const { thinking, cacheControl, ...extra } = call.extra;
      const maxTokens = call.maxTokens ?? anthropicMaxOutput(call.model, call.spec);
      const resolved =
        thinking === undefined
          ? { on: false, maxTokens, wire: undefined }
          : (await import('./prepare-anthropic-thinking.ts')).prepareAnthropicThinking(
              thinking,
              call.maxTokens,
              anthropicMaxOutput(call.model, call.spec),
            );
      const prompt = convertToAnthropicMessages(call.messages);
      const warnings = [...prompt.warnings];
      const body: Record<string, unknown> = {
        ...extra,
        model: call.model,
        max_tokens: resolved.maxTokens,
      };
      if (resolved.wire) body.thinking = resolved.wire;
      // Anthropic allows only temperature 1 and top_p >= 0.95 while thinking; other values are dropped
      // with a warning (as for OpenAI reasoning models), so one setting works across providers.
      if (call.temperature !== undefined) {
        if (resolved.on && call.temperature !== 1)
          warnings.push(
            'temperature was not sent: Anthropic requires it unset (or 1) with thinking.',
          );
        else body.temperature = call.temperature;
      }
      if (call.topP !== undefined) {
        if (resolved.on && call.topP < 0.95)
          warnings.push('top_p was not sent: Anthropic requires it at least 0.95 with thinking.');
        else body.top_p = call.topP;
      }
      if (call.stop) body.stop_sequences = call.stop;
      if (call.seed !== undefined)
        warnings.push('seed was not sent: the Messages API has no seed.');
      let system = prompt.system;
      if (call.tools?.length || call.toolChoice !== undefined) {
        const { prepareAnthropicTools } = await import('./prepare-anthropic-tools.ts');
        Object.assign(body, prepareAnthropicTools(call, resolved.on));
      }
      const { output } = call;
      if (output.type === 'json')
        system = system ? `${system}\n\n${JSON_INSTRUCTION}` : JSON_INSTRUCTION;
      else if (output.type === 'json-schema' && modeOf(call) === 'native') {
        const current = (body.output_config ?? {}) as Record<string, unknown>;
        body.output_config = {
          ...current,
          format: { type: 'json_schema', schema: closeObjects(output.schema) },
        };
      } else if (output.type === 'json-schema') {
        const { name } = output;
        const tool = {
          name,
          description: 'Return the answer as this tool input.',
          input_schema: output.schema,
        };
        body.tools = [...((body.tools as unknown[]) ?? []), tool];
        body.tool_choice = { type: 'tool', name };
      }
      const targets = { system, tools: body.tools as never, messages: prompt.messages };
      if (cacheControl !== undefined) {
        const { applyAnthropicCacheControl } = await import('./anthropic-cache-control.ts');
        applyAnthropicCacheControl(cacheControl, targets);
      }
      if (targets.system !== undefined) body.system = targets.system;
      body.messages = prompt.messages;
      const headers: Record<string, string> = { 'anthropic-version': config.version };
      if (config.dangerouslyAllowBrowser)
        headers['anthropic-dangerous-direct-browser-access'] = 'true';
      return { path: '/v1/messages', body, headers, warnings };
    },

    parseResponse(body, call, url) {
      return parseAnthropicResponse(
        body,
        url,
        modeOf(call) === 'tool' && call.output.type === 'json-schema'
          ? call.output.name
          : undefined,
      );
    },
  };
}
