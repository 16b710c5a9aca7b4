import { baseUrl } from '../../core/base-url.ts';
import { hostOf } from '../../core/host-of.ts';
import { LanguageModel } from '../../pipeline/language-model.ts';
import type { ModelOptions } from '../../pipeline/options.ts';
import { createAnthropicAdapter } from './anthropic-adapter.ts';
import type { AnthropicStructuredOutput } from './anthropic-structured-output.ts';

/** Anthropic's default model (the original's 0.3 default). */
export const ANTHROPIC_DEFAULT_MODEL = 'claude-sonnet-4-6';
/** Anthropic's API host. */
export const ANTHROPIC_ENDPOINT = 'https://api.anthropic.com';
/** The `anthropic-version` header sent by default. */
export const ANTHROPIC_VERSION = '2023-06-01';

/** Settings of {@link AnthropicModel}. */
export interface AnthropicModelOptions extends ModelOptions {
  /** The `anthropic-version` header. @default '2023-06-01' */
  anthropicVersion?: string;
  /**
   * Allow calls from a browser page straight to api.anthropic.com. The key is then readable by every
   * user of the page; prefer pointing `endpoint` at your own proxy. Sends
   * `anthropic-dangerous-direct-browser-access: true`. @default false
   */
  dangerouslyAllowBrowser?: boolean;
  /**
   * How `object()` asks for schema-shaped output: `native` (`output_config.format`) or `tool` (a
   * forced tool). `native` on a model the registry lists without it throws `UnsupportedFeatureError`.
   * @default from the registry: native for Claude Sonnet 4.5, Haiku 4.5, Opus 4.5 and later; tool for
   * older models and for models the registry does not know
   */
  structuredOutput?: AnthropicStructuredOutput;
}

/**
 * Anthropic's Claude models over the Messages API. The key comes from `apiKey`, `keyResolver`,
 * `ANTHROPIC_API_KEY` or `~/.alea/keys/anthropic`; keys from the environment or a file are only ever
 * sent to api.anthropic.com. `complete()` is sent as one user turn: the legacy `/v1/complete` endpoint
 * is gone. Extra call options: `thinking`, `cacheControl`, and any Messages API member (`top_k`,
 * `metadata`, `service_tier`, …), which is sent verbatim.
 */
export class AnthropicModel extends LanguageModel {
  constructor(options: AnthropicModelOptions = {}) {
    const endpoint = baseUrl(options.endpoint ?? ANTHROPIC_ENDPOINT);
    const adapter = createAnthropicAdapter({
      version: options.anthropicVersion ?? ANTHROPIC_VERSION,
      dangerouslyAllowBrowser: options.dangerouslyAllowBrowser === true,
      directToAnthropic: hostOf(endpoint) === 'api.anthropic.com',
      structuredOutput: options.structuredOutput,
    });
    super(adapter, options.model ?? ANTHROPIC_DEFAULT_MODEL, endpoint, options);
  }
}
