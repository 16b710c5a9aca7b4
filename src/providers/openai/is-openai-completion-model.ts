import type { ModelSpec } from '../../core/model-spec.ts';

/**
 * Tells whether an OpenAI model is served by the legacy text-completion endpoint (`/v1/completions`),
 * which takes only `gpt-3.5-turbo-instruct`, `davinci-002`, `babbage-002` and their fine-tunes: the
 * registry's `completionsOnly` for known models, the id otherwise. Every other model answers
 * `complete()` as one chat turn (OpenAI's completions guide: "Legacy").
 */
export function isOpenAICompletionModel(model: string, spec: ModelSpec | undefined): boolean {
  if (spec) return spec.completionsOnly === true;
  return /^(ft:)?(gpt-3\.5-turbo-instruct|davinci-002|babbage-002)/.test(
    model.replace(/^openai\//, ''),
  );
}
