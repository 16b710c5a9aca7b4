/** @module vLLM. */
export {
  VLLMModel,
  VLLM_DEFAULT_MODEL,
  VLLM_ENDPOINT,
  type VLLMModelOptions,
} from './vllm-model.ts';
export type {
  ModelOptions,
  CallOptions,
  ObjectOptions,
  ResponsesOptions,
} from '../../pipeline/options.ts';
