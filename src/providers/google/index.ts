/** @module Google: Gemini models through the Gemini API or Vertex AI. */
export { GoogleModel, GOOGLE_DEFAULT_MODEL, type GoogleModelOptions } from './google-model.ts';
export { GEMINI_ENDPOINT, VERTEX_DEFAULT_LOCATION } from './vertex-url.ts';
export { createGoogleAdapter, type GoogleAdapterConfig } from './google-adapter.ts';
export type { GoogleThinkingLevel } from './prepare-google-thinking.ts';
export {
  serviceAccountKeyResolver,
  type ServiceAccountKey,
  type ServiceAccountResolverOptions,
} from '../../keys/service-account-resolver.ts';
export type { ModelOptions, CallOptions, ObjectOptions } from '../../pipeline/options.ts';
