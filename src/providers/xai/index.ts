/** @module xAI Grok. */
export { GrokModel, XAI_DEFAULT_MODEL, XAI_ENDPOINT } from './grok-model.ts';
export type {
  ModelOptions,
  CallOptions,
  ObjectOptions,
  ResponsesOptions,
} from '../../pipeline/options.ts';
