import { UnsupportedFeatureError } from '../../core/errors/unsupported-feature-error.ts';

/**
 * The error of a chat-style call on a model that only serves `/v1/completions`. Its own chunk,
 * loaded only then: every other call's bundle carries neither it nor the error class.
 * @param provider - The provider key.
 * @param model - The model asked for.
 */
export const completionOnlyError = (provider: string, model: string): UnsupportedFeatureError =>
  new UnsupportedFeatureError({
    provider,
    feature: 'chat',
    detail: `${model} only serves the text-completion endpoint: use complete().`,
  });
