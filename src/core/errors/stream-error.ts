import { LLMError } from './llm-error.ts';

/** What a {@link StreamError} knows about the broken stream. */
export interface StreamErrorInit {
  provider: string;
  /** The URL that was called (it never carries a key). */
  url: string;
  /** What went wrong: the provider's message of an error event, or the connection's failure. */
  detail: string;
  /** The answer's text that had arrived before the stream broke. */
  text?: string;
  /** The provider's error type (`overloaded_error`, `server_error`), when it sent one. */
  errorType?: string;
  /** Whether sending the request again may succeed. @default true */
  isRetryable?: boolean;
  cause?: unknown;
}

/**
 * A stream broke after it began: the provider sent an error event, or the connection was cut before
 * the answer ended. Nothing was cached. Once events have reached the caller the SDK does not retry
 * (the text was shown); `text` holds what had arrived, and calling again sends a new request.
 */
export class StreamError extends LLMError {
  override readonly name: string = 'StreamError';
  override readonly isRetryable: boolean;
  readonly provider: string;
  readonly url: string;
  /** The answer's text that had arrived before the stream broke. */
  readonly text: string;
  /** What went wrong, without the rest of the message. */
  readonly detail: string;
  readonly errorType: string | undefined;

  constructor(init: StreamErrorInit) {
    const got = init.text ? ` after ${init.text.length} characters of text` : '';
    super(
      `${init.provider}: the stream from POST ${init.url} broke${got}: ${init.detail}. Nothing was ` +
        'cached; the partial text is in `error.text`. Call again to retry.',
      init,
    );
    this.provider = init.provider;
    this.url = init.url;
    this.text = init.text ?? '';
    this.detail = init.detail;
    this.errorType = init.errorType;
    this.isRetryable = init.isRetryable ?? true;
  }
}
