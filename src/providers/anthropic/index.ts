/** @module Anthropic Claude over the Messages API. */
export {
  AnthropicModel,
  ANTHROPIC_DEFAULT_MODEL,
  ANTHROPIC_ENDPOINT,
  ANTHROPIC_VERSION,
  type AnthropicModelOptions,
} from './anthropic-model.ts';
export { BrowserAccessError } from './browser-access-error.ts';
export type { AnthropicThinking } from './prepare-anthropic-thinking.ts';
export type { AnthropicCacheControl } from './anthropic-cache-control.ts';
export type { AnthropicStructuredOutput } from './anthropic-structured-output.ts';
export type { ModelOptions, CallOptions, ObjectOptions } from '../../pipeline/options.ts';
