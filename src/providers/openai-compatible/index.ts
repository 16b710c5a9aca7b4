/** @module OpenAI-compatible servers: the shared Chat Completions wire format. */
export {
  OpenAICompatibleModel,
  type OpenAICompatibleModelOptions,
} from './openai-compatible-model.ts';
export {
  createOpenAICompatibleAdapter,
  type OpenAICompatibleConfig,
  type StructuredOutputMode,
} from './openai-compatible-adapter.ts';
