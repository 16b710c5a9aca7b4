import { LLMError } from './llm-error.ts';

/** Every attempt failed. `errors` holds each attempt's error in order; `cause` is the last one. */
export class RetryError extends LLMError {
  override readonly name: string = 'RetryError';
  readonly errors: readonly unknown[];
  readonly lastError: unknown;

  constructor(errors: readonly unknown[]) {
    const last = errors[errors.length - 1];
    const reason = last instanceof Error ? last.message : String(last);
    super(`Failed after ${errors.length} attempts. Last error: ${reason}`, { cause: last });
    this.errors = errors;
    this.lastError = last;
  }
}
