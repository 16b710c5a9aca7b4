import { LLMError } from './llm-error.ts';

/** No API key was found. The message lists every place that was looked in. */
export class MissingKeyError extends LLMError {
  override readonly name: string = 'MissingKeyError';
  readonly provider: string;
  /** The places looked in, in order. */
  readonly sources: readonly string[];

  constructor(init: { provider: string; sources: readonly string[]; hint?: string }) {
    super(
      `No API key for ${init.provider}. Looked in: ${init.sources.join(', ')}. Pass \`apiKey\` or ` +
        `\`keyResolver\` to the model, or set one of these.${init.hint ? ` ${init.hint}` : ''}`,
    );
    this.provider = init.provider;
    this.sources = init.sources;
  }
}
