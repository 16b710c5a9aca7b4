import { LanguageModel } from '../../pipeline/language-model.ts';
import type { ModelOptions } from '../../pipeline/options.ts';
import { createOpenAICompatibleAdapter } from '../openai-compatible/openai-compatible-adapter.ts';
import { isOpenAICompletionModel } from './is-openai-completion-model.ts';
import { isOpenAIReasoningModel } from './is-openai-reasoning-model.ts';
import { openaiSpec } from './openai-spec.ts';

/** OpenAI's default model (the original's 0.3 default). */
export const OPENAI_DEFAULT_MODEL = 'gpt-5.4';
/** OpenAI's API host. */
export const OPENAI_ENDPOINT = 'https://api.openai.com';

/**
 * OpenAI's Chat Completions and Completions APIs. The key comes from `apiKey`, `keyResolver`,
 * `OPENAI_API_KEY` or `~/.alea/keys/openai`; keys from the environment or a file are only ever sent
 * to api.openai.com. `complete()` uses `/v1/completions` only for the instruct and base models that
 * endpoint serves; on every other model it is one user turn on Chat Completions. `object()` uses
 * strict Structured Outputs whenever the schema can be made to fit them. `responses()` uses the
 * Responses API; `grammar`, `regex` and `choice` force a custom grammar tool (GPT-5, gpt-4.1).
 */
export class OpenAIModel extends LanguageModel {
  constructor(options: ModelOptions = {}) {
    const adapter = createOpenAICompatibleAdapter({
      provider: 'openai',
      keys: { env: ['OPENAI_API_KEY'], file: 'openai', required: true, hosts: ['api.openai.com'] },
      jsonObject: true,
      structuredOutput: 'json_schema',
      strictSchemas: true,
      isCompletionModel: isOpenAICompletionModel,
      loadSpec: openaiSpec,
      isReasoningModel: isOpenAIReasoningModel,
      loadBatch: () => import('./openai-batch.ts').then((m) => m.openaiBatch('openai')),
      responses: true,
      constraintForm: 'custom-tool',
    });
    super(
      adapter,
      options.model ?? OPENAI_DEFAULT_MODEL,
      options.endpoint ?? OPENAI_ENDPOINT,
      options,
    );
  }
}
