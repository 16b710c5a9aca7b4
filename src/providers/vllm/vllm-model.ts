import { LanguageModel } from '../../pipeline/language-model.ts';
import type { ModelOptions } from '../../pipeline/options.ts';
import { createOpenAICompatibleAdapter } from '../openai-compatible/openai-compatible-adapter.ts';

/** vLLM's default model (the original's default). */
export const VLLM_DEFAULT_MODEL = 'meta-llama/Meta-Llama-3.1-8B-Instruct';
/** vLLM's default server. */
export const VLLM_ENDPOINT = 'http://localhost:8000';

/** Settings of {@link VLLMModel}. */
export interface VLLMModelOptions extends ModelOptions {
  /**
   * The server's vLLM version, when it is older than 0.12: those servers take `guided_json`
   * instead of `structured_outputs`. Newer servers accept and silently ignore `guided_json`, so the
   * new form is the default.
   */
  serverVersion?: string;
  /** Whether `responses()` may use the server's `/v1/responses` (vLLM serves it). @default false */
  responses?: boolean;
}

/** True for versions below 0.12, which predate `structured_outputs`. */
function isLegacyVllm(version: string | undefined): boolean {
  const match = version && /^(\d+)\.(\d+)/.exec(version);
  return !!match && Number(match[1]) === 0 && Number(match[2]) < 12;
}

/**
 * A vLLM server's OpenAI-compatible API. Works without a key; one is sent when `apiKey`,
 * `keyResolver`, `VLLM_API_KEY` or `~/.alea/keys/vllm` provides it. `object()` uses vLLM's
 * structured outputs, and `grammar`, `regex` and `choice` its `structured_outputs` (`guided_*` before
 * 0.12); reasoning text (`reasoning`, or `reasoning_content` on older servers) is returned as
 * `thinking`.
 */
export class VLLMModel extends LanguageModel {
  constructor(options: VLLMModelOptions = {}) {
    const legacy = isLegacyVllm(options.serverVersion);
    const adapter = createOpenAICompatibleAdapter({
      provider: 'vllm',
      keys: { env: ['VLLM_API_KEY'], file: 'vllm', required: false },
      jsonObject: true,
      structuredOutput: legacy ? 'guided_json' : 'structured_outputs',
      constraintForm: legacy ? 'guided' : 'structured_outputs',
      responses: options.responses === true,
    });
    super(adapter, options.model ?? VLLM_DEFAULT_MODEL, options.endpoint ?? VLLM_ENDPOINT, options);
  }
}
