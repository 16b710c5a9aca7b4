import { redactError } from '../redact.ts';
import { LLMError } from './llm-error.ts';

/** No HTTP response arrived: DNS, refused or dropped connection, CORS in a browser. Retried. */
export class NetworkError extends LLMError {
  override readonly name: string = 'NetworkError';
  override readonly isRetryable: boolean = true;
  readonly provider: string;
  readonly url: string;

  /**
   * @param init - `cause` is the runtime's error; `secrets` (the key, a token) are taken out of its
   *   text and of the message, since runtimes quote the header values they refuse.
   */
  constructor(init: {
    provider: string;
    url: string;
    /** @default 'POST' */
    method?: string;
    cause: unknown;
    secrets?: readonly (string | undefined)[];
  }) {
    const cause = redactError(init.cause, init.secrets ?? []);
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `${init.provider}: network error calling ${init.method ?? 'POST'} ${init.url}: ${reason}. Check the endpoint, ` +
        'your connection and, in a browser, that the server allows CORS.',
      { cause },
    );
    this.provider = init.provider;
    this.url = init.url;
  }
}
