import { defaultStore } from '#default-store';
import type { ProviderAdapter } from '../core/adapter.ts';
import { baseUrl } from '../core/base-url.ts';
import { InvalidRequestError } from '../core/errors/invalid-request-error.ts';
import { normalizeMessages } from './normalize-messages.ts';
import { callKit } from './call-kit.ts';
import { modelBatch } from './model-batch.ts';
import type { ModelBatch } from './batch-types.ts';
import type { CallOptions, ModelOptions, ObjectOptions, ResponsesOptions } from './options.ts';
import { ModelStream, ObjectStream, type StreamSource } from './model-stream.ts';
import { runMethod, type ModelContext } from './run-call.ts';
import { lazy } from '../core/lazy.ts';
import type { InferSchemaOutput, StandardSchemaV1 } from '../core/standard-schema.ts';
import type {
  JSONModelResponse,
  Message,
  ModelResponse,
  ObjectStreamEvent,
  StreamEvent,
  ToolCallResponse,
} from '../core/types.ts';

// json, object, streamObject and the Responses API load with the first use of one of them.
const methods = lazy(() => import('./model-methods.ts'));
// A stream goes straight to the streaming code, which it loads anyway.
const streams = lazy(() => import('./run-stream.ts'));

/**
 * The shared implementation of every model class: `complete`, `chat`, `json` and `object` over a
 * provider adapter. Construction never does I/O and never throws for a missing key.
 */
export class LanguageModel {
  /** The provider key, for example `openai`. */
  readonly provider: string;
  /** The model id sent with each request. */
  readonly model: string;
  /** The API base URL. */
  readonly endpoint: string;
  readonly #ctx: ModelContext;
  /**
   * The provider's batch API (OpenAI Batch, Anthropic Message Batches, Gemini batch mode): about half
   * price, results within 24 h. `submit` answers cached requests from the cache and sends the rest as
   * one job; `status` reads its progress; `results` waits for it and writes the answers into the
   * cache, so a later `chat` of the same call is a hit. The code loads on first use.
   */
  readonly batch: ModelBatch;

  /**
   * @param adapter - Builds and parses this provider's requests.
   * @param model - The resolved model id.
   * @param endpoint - The resolved base URL.
   * @param options - The caller's settings.
   */
  protected constructor(
    adapter: ProviderAdapter,
    model: string,
    endpoint: string,
    options: ModelOptions,
  ) {
    // The two options a bare model sets; every other one is checked with the first call.
    for (const [name, value] of [
      ['endpoint', endpoint],
      ['apiKey', options.apiKey ?? ''],
    ]) {
      if (typeof value !== 'string') {
        throw new InvalidRequestError(`\`${name}\` must be a string; got ${typeof value}.`);
      }
    }
    this.provider = adapter.provider;
    this.model = model;
    this.endpoint = baseUrl(endpoint);
    this.#ctx = {
      adapter,
      endpoint: this.endpoint,
      model,
      options,
      store: options.cache === false ? undefined : (options.cache ?? defaultStore()),
    };
    this.batch = modelBatch(this.#ctx);
  }

  /**
   * Completes a prompt. Providers without a text-completion endpoint send it as one user turn.
   * @param prompt - The text to continue.
   * @param options - Sampling, cache, cancellation and pass-through body options.
   */
  async complete(prompt: string, options: CallOptions = {}): Promise<ModelResponse> {
    if (typeof prompt !== 'string') {
      throw (await import('./message-problem.ts')).messageProblem(prompt, 'complete');
    }
    const messages = await normalizeMessages(prompt, options.system);
    return runMethod(this.#ctx, 'complete', messages, { type: 'text' }, options, undefined, prompt);
  }

  /**
   * Sends a conversation and returns the model's answer.
   * @param input - A user prompt, or messages in the portable format (`response.messages` of an
   *   earlier call continues a conversation).
   * @param options - Sampling, cache, cancellation and pass-through body options.
   */
  async chat(
    input: string | readonly Message[],
    options: CallOptions = {},
  ): Promise<ModelResponse> {
    return runMethod(
      this.#ctx,
      'chat',
      await normalizeMessages(input, options.system),
      { type: 'text' },
      options,
    );
  }

  /**
   * Asks for JSON and parses it into `data`: the provider's JSON mode where it has one, tolerant
   * extraction (code fences, JSON inside prose) otherwise. Unparseable answers are re-asked up to
   * `maxRepairs` times, then throw `OutputValidationError`. With `tools`, the model may call them
   * instead: the result is then a {@link ToolCallResponse} (`toolCalls`, no `data`).
   */
  json<T = unknown>(
    input: string | readonly Message[],
    options?: CallOptions & { tools?: undefined },
  ): Promise<JSONModelResponse<T>>;
  json<T = unknown>(
    input: string | readonly Message[],
    options: CallOptions,
  ): Promise<JSONModelResponse<T> | ToolCallResponse>;
  json<T = unknown>(
    input: string | readonly Message[],
    options: CallOptions = {},
  ): Promise<JSONModelResponse<T> | ToolCallResponse> {
    return methods().then((m) => m.json(callKit, this.#ctx, input, options)) as Promise<
      JSONModelResponse<T> | ToolCallResponse
    >;
  }

  /**
   * Asks for an object matching a schema, using the provider's native structured output, and
   * validates it: `data` is typed by the schema. Invalid answers are re-asked with the issues, up to
   * `maxRepairs` times, then throw `OutputValidationError`. With `tools`, the model may call them
   * instead: the result is then a {@link ToolCallResponse} (`toolCalls`, no `data`).
   * @param options - `schema` (valibot or any Standard Schema), plus the usual call options.
   */
  object<S extends StandardSchemaV1>(
    input: string | readonly Message[],
    options: ObjectOptions<S> & { tools?: undefined },
  ): Promise<JSONModelResponse<InferSchemaOutput<S>>>;
  object<S extends StandardSchemaV1>(
    input: string | readonly Message[],
    options: ObjectOptions<S>,
  ): Promise<JSONModelResponse<InferSchemaOutput<S>> | ToolCallResponse>;
  object<S extends StandardSchemaV1>(
    input: string | readonly Message[],
    options: ObjectOptions<S>,
  ): Promise<JSONModelResponse<InferSchemaOutput<S>> | ToolCallResponse> {
    return methods().then((m) => m.object(callKit, this.#ctx, input, options)) as Promise<
      JSONModelResponse<InferSchemaOutput<S>> | ToolCallResponse
    >;
  }

  /**
   * Streams the answer to a conversation as it is generated. Returns at once (no `await`): iterate
   * the handle for {@link StreamEvent}s (`text`, `thinking`, `tool-call-delta`, `tool-call`, then
   * `finish` with the result `chat` returns), read `textStream` for the text alone, or await
   * `response`. A completed stream is cached as `chat` is (one shared entry) and a hit replays as a
   * stream without a request; a stream that was aborted, timed out or broke is never cached.
   * @param input - A user prompt, or messages in the portable format.
   * @param options - The options of `chat`, plus `idleTimeout` for a stalled stream.
   */
  stream(input: string | readonly Message[], options: CallOptions = {}): ModelStream {
    return new ModelStream(
      streams().then((s) =>
        s.openStream(callKit, this.#ctx, 'chat', input, { type: 'text' }, options),
      ),
    );
  }

  /**
   * Streams an object matching a schema: `partial` events carry the JSON read so far (growing, not
   * validated), and `finish` the result `object` returns, with the validated `data`. Returns at once.
   * An invalid answer rejects with `OutputValidationError` (a stream that was shown is not re-asked).
   * @param options - `schema` (valibot or any Standard Schema), plus the usual call options.
   */
  streamObject<S extends StandardSchemaV1>(
    input: string | readonly Message[],
    options: ObjectOptions<S>,
  ): ObjectStream<InferSchemaOutput<S>> {
    return new ObjectStream(
      methods().then((m) => m.streamObject(callKit, this.#ctx, input, options)) as Promise<
        StreamSource<
          ObjectStreamEvent<InferSchemaOutput<S>>,
          JSONModelResponse<InferSchemaOutput<S>> | ToolCallResponse
        >
      >,
    );
  }

  /**
   * OpenAI's Responses API (`POST /v1/responses`), on OpenAI, xAI, and vLLM or compatible servers
   * constructed with `responses: true`; any other model rejects with `UnsupportedFeatureError` before
   * any request. Same input, result and pipeline as `chat` (cache, retries, keys, timeouts, tools),
   * plus `instructions`, `reasoning`, `verbosity`, `previousResponseId`, `store` (default `false`),
   * `include` and `parallelToolCalls`; `maxTokens` is sent as `max_output_tokens`. Reasoning items
   * come back in `messages`, so tool loops work without server-side state. With `json: true` or a
   * `schema` the result has `data`, checked and repaired as in `json()` and `object()`; with
   * `grammar` the answer matches it.
   * @param input - A user prompt, or messages in the portable format.
   * @param options - The call options and the Responses API's own.
   */
  responses(
    input: string | readonly Message[],
    options?: ResponsesOptions & { schema?: undefined; json?: false },
  ): Promise<ModelResponse>;
  responses<S extends StandardSchemaV1>(
    input: string | readonly Message[],
    options: ResponsesOptions & { schema: S; tools?: undefined },
  ): Promise<JSONModelResponse<InferSchemaOutput<S>>>;
  responses<S extends StandardSchemaV1>(
    input: string | readonly Message[],
    options: ResponsesOptions & { schema: S },
  ): Promise<JSONModelResponse<InferSchemaOutput<S>> | ToolCallResponse>;
  responses<T = unknown>(
    input: string | readonly Message[],
    options: ResponsesOptions & { json: true; tools?: undefined },
  ): Promise<JSONModelResponse<T>>;
  responses<T = unknown>(
    input: string | readonly Message[],
    options: ResponsesOptions & { json: true },
  ): Promise<JSONModelResponse<T> | ToolCallResponse>;
  responses(
    input: string | readonly Message[],
    options: ResponsesOptions = {},
  ): Promise<ModelResponse | JSONModelResponse> {
    return methods().then((m) => m.responses(callKit, this.#ctx, input, options)) as Promise<
      ModelResponse | JSONModelResponse
    >;
  }

  /**
   * Streams a `responses()` call (`POST /v1/responses` with `stream: true`): the events of `stream()`
   * (text, reasoning summaries as `thinking`, function and custom tool call arguments), then `finish`
   * with the result `responses()` returns, `data` included for `json` or `schema`. Returns at once.
   * Cached in the same entry as `responses()`; other models reject with `UnsupportedFeatureError`.
   * @param options - The options of `responses()`, plus `idleTimeout`.
   */
  streamResponses(
    input: string | readonly Message[],
    options?: ResponsesOptions & { schema?: undefined; json?: false },
  ): ModelStream;
  streamResponses<S extends StandardSchemaV1>(
    input: string | readonly Message[],
    options: ResponsesOptions & { schema: S },
  ): ModelStream<JSONModelResponse<InferSchemaOutput<S>> | ToolCallResponse>;
  streamResponses<T = unknown>(
    input: string | readonly Message[],
    options: ResponsesOptions & { json: true },
  ): ModelStream<JSONModelResponse<T> | ToolCallResponse>;
  streamResponses(
    input: string | readonly Message[],
    options: ResponsesOptions = {},
  ): ModelStream<ModelResponse | JSONModelResponse> {
    return new ModelStream(
      methods().then((m) => m.responses(callKit, this.#ctx, input, options, true)) as Promise<
        StreamSource<StreamEvent, ModelResponse | JSONModelResponse>
      >,
    );
  }
}
