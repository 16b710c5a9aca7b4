/** @module OpenAI. */
export { OpenAIModel, OPENAI_DEFAULT_MODEL, OPENAI_ENDPOINT } from './openai-model.ts';
export type {
  ModelOptions,
  CallOptions,
  ObjectOptions,
  ResponsesOptions,
} from '../../pipeline/options.ts';
