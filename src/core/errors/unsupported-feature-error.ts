import { LLMError } from './llm-error.ts';

/** The request asked for something this provider or model cannot do. Thrown before any request. */
export class UnsupportedFeatureError extends LLMError {
  override readonly name: string = 'UnsupportedFeatureError';
  readonly provider: string;
  readonly feature: string;

  constructor(init: { provider: string; feature: string; detail: string }) {
    super(`${init.provider}: ${init.feature} is not supported: ${init.detail}`);
    this.provider = init.provider;
    this.feature = init.feature;
  }
}
