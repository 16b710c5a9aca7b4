import type { ModelCall, ProviderAdapter, WireRequest } from '../../core/adapter.ts';
import { isBrowser } from '../../core/is-browser.ts';
import { parseRateLimit } from '../../core/rate-limit.ts';
import {
  structuredOutputMode,
  type AnthropicStructuredOutput,
} from './anthropic-structured-output.ts';
import { convertToAnthropicMessages } from './convert-to-anthropic-messages.ts';
import { parseAnthropicResponse } from './parse-anthropic-response.ts';
import { anthropicSpec } from './anthropic-spec.ts';
import { BrowserAccessError } from './browser-access-error.ts';

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

/**
 * Creates the adapter for Anthropic's Messages API (`POST /v1/messages`). Calls options it maps
 * itself (`thinking`, `cacheControl`) are taken out of the pass-through body members. The code for
 * thinking, tools and cache hints is imported on first use, so a plain chat bundle stays small.
 */
/* @__NO_SIDE_EFFECTS__ */
export function createAnthropicAdapter(config: AnthropicAdapterConfig): ProviderAdapter {
  const modeOf = (call: ModelCall) =>
    call.output.type === 'json-schema'
      ? structuredOutputMode(config.structuredOutput, call.spec)
      : undefined;
  // In tool structured-output mode, the tool whose input is the answer.
  const answerToolOf = (call: ModelCall) =>
    modeOf(call) === 'tool' && call.output.type === 'json-schema' ? call.output.name : undefined;
  // The headers of every request, batch jobs included.
  const headers = (): Record<string, string> => ({
    'anthropic-version': config.version,
    ...(config.dangerouslyAllowBrowser
      ? { 'anthropic-dangerous-direct-browser-access': 'true' }
      : {}),
  });
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
    loadSpec: anthropicSpec,
    rateLimit: parseRateLimit,
    authHeaders: (key): Record<string, string> => (key ? { 'x-api-key': key } : {}),
    loadBatch: () => import('./anthropic-batch.ts').then((m) => m.anthropicBatch(headers())),

    async buildRequest(call: ModelCall): Promise<WireRequest> {
      if (config.directToAnthropic && !config.dangerouslyAllowBrowser && isBrowser()) {
        throw new BrowserAccessError();
      }
      const { thinking, cacheControl, ...extra } = call.extra;
      // A maxTokens above a known model's maximum was refused by checkCapabilities already.
      // Family defaults for models the registry does not know load only for such models.
      const modelMax =
        call.spec?.maxOutputTokens ??
        (await import('./anthropic-max-output.ts')).anthropicMaxOutput(call.model);
      const prompt = await convertToAnthropicMessages(call.messages);
      const body: Record<string, unknown> = {
        ...extra,
        model: call.model,
        max_tokens: call.maxTokens ?? modelMax,
      };
      // What a plain chat does not set loads on first use (json()'s instruction, schema output and
      // the seed warning included).
      const tune =
        call.output.type !== 'text' ||
        call.tools?.length ||
        call.effort ||
        call.serviceTier ||
        [
          thinking,
          cacheControl,
          call.seed,
          call.temperature,
          call.topP,
          extra.top_k,
          extra.top_p,
          extra.max_tokens,
          extra.tools,
          call.toolChoice,
        ].some((v) => v !== undefined);
      if (call.stop) body.stop_sequences = call.stop;
      const system = tune
        ? await (
            await import('./tune-anthropic-body.ts')
          ).tuneAnthropicRequest(call, thinking, modeOf(call), cacheControl, modelMax, body, prompt)
        : prompt.system;
      if (system !== undefined) body.system = system;
      body.messages = prompt.messages;
      return { path: '/v1/messages', body, headers: headers(), warnings: prompt.warnings };
    },

    streamRequest: (wire) => ({ ...wire, body: { ...wire.body, stream: true } }),

    streamReader: async (call, url) =>
      (await import('./parse-anthropic-stream.ts')).createAnthropicStreamReader(
        url,
        answerToolOf(call),
      ),

    parseResponse(body, call, url) {
      const cache = call.extra.cacheControl as { ttl?: unknown } | undefined;
      return parseAnthropicResponse(body, url, {
        answerTool: answerToolOf(call),
        oneHourCache: cache?.ttl === '1h',
      });
    },
  };
}
