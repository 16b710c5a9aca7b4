import { LLMError } from './llm-error.ts';

/**
 * The call's `timeout` ran out (retries included), or a stream's `idleTimeout` did. A caller's own abort is not this error: it stays
 * the `AbortError` of the caller's signal.
 */
export class TimeoutError extends LLMError {
  override readonly name: string = 'TimeoutError';
  readonly timeoutMs: number;
  readonly url: string;

  /** True when a stream stalled (`idleTimeout`) rather than the whole call running out of time. */
  readonly idle: boolean;

  constructor(init: {
    provider: string;
    url: string;
    timeoutMs: number;
    idle?: boolean;
    cause?: unknown;
  }) {
    super(
      init.idle
        ? `${init.provider}: the stream from POST ${init.url} sent nothing for ${init.timeoutMs} ms. ` +
            'Raise `idleTimeout` if the model pauses that long.'
        : `${init.provider}: no answer from POST ${init.url} within ${init.timeoutMs} ms. Raise ` +
            '`timeout` (on the model or the call) if the model needs longer.',
      init,
    );
    this.idle = init.idle === true;
    this.timeoutMs = init.timeoutMs;
    this.url = init.url;
  }
}
