import { LLMError } from './llm-error.ts';

/**
 * The call's `timeout` ran out (retries included). A caller's own abort is not this error: it stays
 * the `AbortError` of the caller's signal.
 */
export class TimeoutError extends LLMError {
  override readonly name: string = 'TimeoutError';
  readonly timeoutMs: number;
  readonly url: string;

  constructor(init: { provider: string; url: string; timeoutMs: number; cause?: unknown }) {
    super(
      `${init.provider}: no answer from POST ${init.url} within ${init.timeoutMs} ms. Raise ` +
        '`timeout` (on the model or the call) if the model needs longer.',
      init,
    );
    this.timeoutMs = init.timeoutMs;
    this.url = init.url;
  }
}
