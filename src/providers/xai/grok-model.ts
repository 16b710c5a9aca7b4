import { LanguageModel } from '../../pipeline/language-model.ts';
import type { ModelOptions } from '../../pipeline/options.ts';
import { createOpenAICompatibleAdapter } from '../openai-compatible/openai-compatible-adapter.ts';
import { xaiSpec } from './xai-spec.ts';

/**
 * xAI's default model: the current fast, non-reasoning Grok 4 (the original's 0.3 default,
 * grok-4-fast-non-reasoning, is no longer listed by xAI; `DEFAULT_MODELS.xai` in the registry).
 */
export const XAI_DEFAULT_MODEL = 'grok-4.20-0309-non-reasoning';
/** xAI's API host. */
export const XAI_ENDPOINT = 'https://api.x.ai';

/**
 * xAI's Grok models over their OpenAI-compatible API. The key comes from `apiKey`, `keyResolver`,
 * `XAI_API_KEY`, `GROK_API_KEY` or `~/.alea/keys/grok`, and environment or file keys are only sent
 * to api.x.ai. Reasoning text (`reasoning_content`) is returned as `thinking`. `responses()` uses
 * xAI's Responses API.
 */
export class GrokModel extends LanguageModel {
  constructor(options: ModelOptions = {}) {
    const adapter = createOpenAICompatibleAdapter({
      provider: 'xai',
      keys: {
        env: ['XAI_API_KEY', 'GROK_API_KEY'],
        file: 'grok',
        required: true,
        hosts: ['api.x.ai'],
      },
      jsonObject: true,
      structuredOutput: 'json_schema',
      loadSpec: xaiSpec,
      responses: true,
    });
    super(adapter, options.model ?? XAI_DEFAULT_MODEL, options.endpoint ?? XAI_ENDPOINT, options);
  }
}
