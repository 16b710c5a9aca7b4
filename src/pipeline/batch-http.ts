import type { BatchHttp, ProviderBatchAdapter } from '../core/batch-adapter.ts';
import { InvalidResponseError } from '../core/errors/invalid-response-error.ts';
import type { CallKit } from './call-kit.ts';
import type { ModelContext } from './run-call.ts';

// The model defaults (options.ts), repeated: importing them would pull options.ts out of the entry.
const DEFAULT_RETRY_LIMIT = 2;
const DEFAULT_RETRY_DELAY = 500;

/** The global fetch, looked up per request so tests and polyfills can replace it. */
const globalFetch: typeof globalThis.fetch = (input, init) => globalThis.fetch(input, init);

/** The batch adapter operation an HTTP call serves; hooks see it as `batch.<operation>`. */
export type BatchOperation = 'submit' | 'status' | 'results' | 'cancel';

/**
 * The HTTP client of a batch job: the model's key (resolved once, under the same host rules as
 * `chat`), headers, fetch and retry policy. Each HTTP call takes a slot of the model's limiter and
 * is told to its hooks as a call of method `batch.<operation>` (`batch.upload` for an input file).
 * Absolute URLs the provider hands out (Anthropic's `results_url`) are only followed on the
 * endpoint's own origin, so the key never goes elsewhere.
 * @returns The client for each operation.
 */
export async function batchHttp(
  kit: CallKit,
  ctx: ModelContext,
  batch: ProviderBatchAdapter,
  signal: AbortSignal,
): Promise<(operation: BatchOperation) => BatchHttp> {
  const settings = ctx.options;
  const key = await kit.resolveKey({
    provider: ctx.adapter.provider,
    endpoint: ctx.endpoint,
    policy: ctx.adapter.keys,
    apiKey: settings.apiKey,
    keyResolver: settings.keyResolver,
    env: settings.env,
    signal,
  });
  const origin = new URL(kit.apiUrl(ctx.endpoint, '/')).origin;
  const Observer = kit.isObserved(settings)
    ? (await import('./call-observer.ts')).CallObserver
    : undefined;
  return (operation) =>
    async ({ method, path, body, text, upload }) => {
      const url = /^https?:\/\//.test(path) ? path : kit.apiUrl(ctx.endpoint, path);
      if (new URL(url).origin !== origin) {
        throw new InvalidResponseError({
          provider: ctx.adapter.provider,
          url,
          detail: `the batch API pointed to another origin than the endpoint's (${origin}); the key is not sent there`,
          body: url,
        });
      }
      const headers = kit.mergeHeaders(
        // A FormData body sets its own multipart content type (with the boundary).
        body === undefined || body instanceof FormData
          ? {}
          : { 'content-type': 'application/json' },
        ctx.adapter.authHeaders(key),
        batch.headers,
        settings.headers,
      );
      const send = () =>
        kit.sendRequest({
          provider: ctx.adapter.provider,
          url,
          method,
          headers,
          body,
          text,
          // Batch answers are job objects the batch adapter checks; a failed Gemini job's
          // operation carries its `error` (google.longrunning.Operation), not an envelope.
          ownErrors: true,
          fetch: settings.fetch ?? globalFetch,
          signal,
          secrets: [key],
          errorDetail: ctx.adapter.errorDetail,
          rateLimit: ctx.adapter.rateLimit,
        });
      const observer =
        Observer && new Observer(ctx, { method: upload ? 'batch.upload' : `batch.${operation}` });
      try {
        const sent = await kit.withRetries(
          (n) => (observer ? observer.attempt(n, 0, url, body, signal, send) : send()),
          {
            retryLimit: settings.retryLimit ?? DEFAULT_RETRY_LIMIT,
            retryDelay: settings.retryDelay ?? DEFAULT_RETRY_DELAY,
            onRetry: observer?.retry,
          },
          signal,
        );
        observer?.exchanged(sent);
        return sent.body;
      } catch (error) {
        observer?.failed(error);
        throw error;
      }
    };
}
