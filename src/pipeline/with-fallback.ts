import { InvalidRequestError } from '../core/errors/invalid-request-error.ts';
import { isLLMError } from '../core/errors/llm-error.ts';
import { RetryError } from '../core/errors/retry-error.ts';
import { fallbackStream } from './fallback-stream.ts';
import type { LanguageModel } from './language-model.ts';
import { ModelStream, ObjectStream } from './model-stream.ts';

/** The methods a fallback chain forwards as whole calls. */
const METHODS = ['complete', 'chat', 'json', 'object', 'responses'] as const;
/** The streaming methods: they fall back only on errors raised before the first event. */
const STREAMS = ['stream', 'streamObject', 'streamResponses'] as const;

/** A model's call methods; a fallback chain has the same ones. */
export type FallbackModel = Pick<
  LanguageModel,
  (typeof METHODS)[number] | (typeof STREAMS)[number]
> & {
  /** The models, in the order they are tried. */
  readonly models: readonly LanguageModel[];
};

/** Options of {@link withFallback}. */
export interface FallbackOptions {
  /**
   * Whether an error moves the call on to the next model. @default {@link isFallbackError}: server
   * errors (5xx), 429s, timeouts and network failures, after the model's own retries.
   */
  on?: (error: unknown) => boolean;
  /** Told each time the call moves on, for logging. */
  onFallback?: (event: { from: string; to: string; error: unknown }) => void;
}

/**
 * The default fallback rule: the provider is down, overloaded or out of quota (any 429, also one
 * that is not worth retrying on the same model, such as Gemini's spent daily quota or a 429 with
 * `x-should-retry: false`). Never an input error (another 4xx), a refused key, a content filter, an
 * invalid answer, or the caller's own abort.
 * @param error - What the model's call threw (a {@link RetryError} is judged by its last error).
 */
export function isFallbackError(error: unknown): boolean {
  const last = error instanceof RetryError ? error.lastError : error;
  return (
    isLLMError(last) &&
    (last.isRetryable ||
      last.name === 'TimeoutError' ||
      (last as { status?: unknown }).status === 429)
  );
}

/**
 * A model that tries each of `models` in turn while they fail with an error `on` accepts, each
 * with its own retries, cache and limits. `response.provider` and `response.model` tell which one
 * answered. When every model failed, the error is a {@link RetryError} holding each one's error
 * (the first model's error itself when it was not one to fall back on). `stream`, `streamObject`
 * and `streamResponses` move on only while no event was shown: a failure after the first event is the
 * stream's own error, never a silent switch.
 * @param models - Two or more models (any providers), in order of preference.
 * @param options - `on` (which errors move on) and `onFallback`.
 * @throws InvalidRequestError without models.
 */
export function withFallback(
  models: readonly LanguageModel[],
  options: FallbackOptions = {},
): FallbackModel {
  if (!Array.isArray(models) || models.length === 0) {
    throw new InvalidRequestError(
      'withFallback() needs a non-empty array of models to try in order.',
    );
  }
  const on = options.on ?? isFallbackError;
  /** One call's record of failures: returns to move on from model `i`, throws to give up. */
  const tracker = () => {
    const errors: unknown[] = [];
    return (i: number, error: unknown) => {
      errors.push(error);
      const [model, next] = [models[i]!, models[i + 1]];
      if (!next || !on(error)) throw errors.length === 1 ? error : new RetryError(errors);
      options.onFallback?.({
        from: `${model.provider}:${model.model}`,
        to: `${next.provider}:${next.model}`,
        error,
      });
    };
  };
  const chain = { models: [...models] } as Record<string, unknown>;
  for (const method of METHODS) {
    chain[method] = async (...args: unknown[]) => {
      const next = tracker();
      for (const [i, model] of models.entries()) {
        try {
          return await (model[method] as (...a: unknown[]) => Promise<unknown>)(...args);
        } catch (error) {
          next(i, error);
        }
      }
    };
  }
  for (const method of STREAMS) {
    const Handle = method === 'streamObject' ? ObjectStream : ModelStream;
    chain[method] = (...args: unknown[]) => {
      const open = (i: number) =>
        (models[i]![method] as (...a: unknown[]) => ModelStream | ObjectStream<unknown>)(...args);
      return new Handle(fallbackStream<never, never>(open as never, tracker()));
    };
  }
  return chain as unknown as FallbackModel;
}
