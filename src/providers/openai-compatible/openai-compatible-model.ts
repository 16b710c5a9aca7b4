import { InvalidRequestError } from '../../core/errors/invalid-request-error.ts';
import { LanguageModel } from '../../pipeline/language-model.ts';
import type { ModelOptions } from '../../pipeline/options.ts';
import {
  createOpenAICompatibleAdapter,
  type StructuredOutputMode,
} from './openai-compatible-adapter.ts';

/** Settings of {@link OpenAICompatibleModel}. */
export interface OpenAICompatibleModelOptions extends ModelOptions {
  /** The model id the server serves. Required. */
  model: string;
  /** The server's base URL, such as `http://localhost:11434` (a trailing `/v1` is accepted). Required. */
  endpoint: string;
  /** Whether the server takes `response_format: { type: 'json_object' }`. @default true */
  jsonObject?: boolean;
  /** How `object()` asks for schema-shaped output. @default 'json_schema' */
  structuredOutput?: StructuredOutputMode;
  /** Whether `responses()` may use the server's `/v1/responses`. @default false */
  responses?: boolean;
}

/**
 * Any server that speaks OpenAI's Chat Completions API (llama.cpp, Ollama, LM Studio, Together, …).
 * The key is optional and comes from `apiKey`, `keyResolver`, `OPENAI_COMPATIBLE_API_KEY` or
 * `~/.alea/keys/openai_compatible`. `OPENAI_API_KEY` is never read, so an OpenAI key cannot reach
 * another host by accident. `grammar` with `grammarSyntax: 'gbnf'` is llama.cpp's `grammar` member.
 */
export class OpenAICompatibleModel extends LanguageModel {
  constructor(options: OpenAICompatibleModelOptions) {
    if (!options?.model || !options.endpoint) {
      throw new InvalidRequestError(
        'OpenAICompatibleModel needs `model` and `endpoint`, for example ' +
          "new OpenAICompatibleModel({ model: 'llama3', endpoint: 'http://localhost:11434' }).",
      );
    }
    const structuredOutput = options.structuredOutput ?? 'json_schema';
    const adapter = createOpenAICompatibleAdapter({
      provider: 'openai-compatible',
      keys: { env: ['OPENAI_COMPATIBLE_API_KEY'], file: 'openai_compatible', required: false },
      jsonObject: options.jsonObject ?? true,
      structuredOutput,
      // vLLM-style servers take grammars in their structured-output members; others (llama.cpp)
      // a GBNF `grammar`.
      constraintForm:
        structuredOutput === 'structured_outputs'
          ? 'structured_outputs'
          : structuredOutput === 'guided_json'
            ? 'guided'
            : 'llama',
      responses: options.responses === true,
    });
    super(adapter, options.model, options.endpoint, options);
  }
}
