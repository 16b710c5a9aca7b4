import type { CallMethod, OutputFormat } from '../core/adapter.ts';
import type { Message } from '../core/types.ts';
import { buildCall } from './build-call.ts';
import { normalizeMessages } from './normalize-messages.ts';
import type { CallOptions, ObjectOptions, ResponsesOptions } from './options.ts';
import type { OutputCheck } from './request-with-repairs.ts';
import { runMethod, type ModelContext } from './run-call.ts';
import type { StandardSchemaV1 } from '../core/standard-schema.ts';

type Input = string | readonly Message[];

// The model's methods besides `chat` and `complete` (json, object, the streams, the Responses API),
// loaded with the first use of any of them: a chat-only page carries one forwarding line for each.
// The `LanguageModel` methods of the same names document them.

/** See `LanguageModel.json`: every parsed JSON value is accepted. */
export const json = async (ctx: ModelContext, input: Input, options: CallOptions) =>
  runMethod(
    ctx,
    'json',
    await normalizeMessages(input, options.system),
    { type: 'json' },
    options,
    async (value) => ({
      ok: true,
      value,
    }),
  );

/** See `LanguageModel.object`. */
export async function object(
  ctx: ModelContext,
  input: Input,
  options: ObjectOptions<StandardSchemaV1>,
) {
  // Schema conversion and validation load on first use: chat-only bundles do not carry them.
  const { prepareObjectOutput } = await import('./prepare-object-output.ts');
  const { output, check } = await prepareObjectOutput(options);
  return runMethod(
    ctx,
    'object',
    await normalizeMessages(input, options.system),
    output,
    options,
    check,
  );
}

/** Plans a streamed call and starts it with the streaming code, loaded on first use. */
export async function openStream(
  ctx: ModelContext,
  method: CallMethod,
  input: Input,
  output: OutputFormat,
  options: CallOptions,
  check?: OutputCheck,
) {
  const messages = await normalizeMessages(input, options.system);
  const call = await buildCall(ctx, method, messages, output, options);
  return (await import('./run-stream.ts')).runStream(ctx, { method, call, options, check });
}

/** See `LanguageModel.streamObject`: the source of its handle. */
export async function streamObject(
  ctx: ModelContext,
  input: Input,
  options: ObjectOptions<StandardSchemaV1>,
) {
  const { prepareObjectOutput } = await import('./prepare-object-output.ts');
  const { output, check } = await prepareObjectOutput(options, 'streamObject');
  const [stream, { objectSource }] = await Promise.all([
    openStream(ctx, 'object', input, output, options, check),
    import('./object-source.ts'),
  ]);
  return objectSource(stream);
}

/** `responses()`, or with `stream` `streamResponses()`'s source. */
export async function responses(
  ctx: ModelContext,
  input: Input,
  options: ResponsesOptions,
  stream?: true,
) {
  // Loaded on first use: bundles that never call the Responses API carry none of it.
  const { prepareResponses } = await import('./prepare-responses.ts');
  const { output, check } = await prepareResponses(ctx.adapter, options, stream);
  return stream
    ? openStream(ctx, 'responses', input, output, options, check)
    : runMethod(
        ctx,
        'responses',
        await normalizeMessages(input, options.system),
        output,
        options,
        check,
      );
}
