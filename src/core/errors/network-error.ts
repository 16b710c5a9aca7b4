import { LLMError } from './llm-error.ts';

/** No HTTP response arrived: DNS, refused or dropped connection, CORS in a browser. Retried. */
export class NetworkError extends LLMError {
  override readonly name: string = 'NetworkError';
  override readonly isRetryable: boolean = true;
  readonly provider: string;
  readonly url: string;

  constructor(init: { provider: string; url: string; cause: unknown }) {
    const reason = init.cause instanceof Error ? init.cause.message : String(init.cause);
    super(
      `${init.provider}: network error calling POST ${init.url}: ${reason}. Check the endpoint, ` +
        'your connection and, in a browser, that the server allows CORS.',
      init,
    );
    this.provider = init.provider;
    this.url = init.url;
  }
}
