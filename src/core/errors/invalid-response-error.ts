import { LLMError } from './llm-error.ts';

/** The provider answered 2xx, but the body was not the shape its API documents. */
export class InvalidResponseError extends LLMError {
  override readonly name: string = 'InvalidResponseError';
  readonly provider: string;
  readonly url: string;
  /** The body as received (truncated to 2,000 characters). */
  readonly responseBody: string;

  constructor(init: {
    provider: string;
    url: string;
    detail: string;
    body: string;
    cause?: unknown;
  }) {
    super(
      `${init.provider}: unexpected response from POST ${init.url}: ${init.detail}. Is the endpoint ` +
        'an API of this provider?',
      init,
    );
    this.provider = init.provider;
    this.url = init.url;
    this.responseBody = init.body.slice(0, 2000);
  }
}
