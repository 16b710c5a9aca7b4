const MARKER = Symbol.for('alea-llm-client.error');

/** Options shared by every error of the SDK. */
export interface LLMErrorOptions {
  /** The error that caused this one. */
  cause?: unknown;
}

/**
 * The base of every error the SDK throws. Catch it to handle all SDK failures at once; branch on the
 * subclass, `status` or `isRetryable` for the details.
 */
export class LLMError extends Error {
  override readonly name: string = 'LLMError';
  /** Whether sending the same request again may succeed. */
  readonly isRetryable: boolean = false;
  /** Marks SDK errors, so {@link isLLMError} works across bundles and realms. */
  readonly [MARKER] = true;

  constructor(message: string, options?: LLMErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
  }
}

/**
 * Tells whether a value is an error thrown by this SDK, even when it comes from another copy of the
 * package or another realm (where `instanceof` fails).
 * @param error - Any caught value.
 * @returns True for SDK errors.
 */
export function isLLMError(error: unknown): error is LLMError {
  return (
    error instanceof LLMError ||
    (typeof error === 'object' &&
      error !== null &&
      (error as Record<symbol, unknown>)[MARKER] === true)
  );
}
