import type { Message } from '../core/types.ts';
import type { CallOptions, ObjectOptions, ResponsesOptions } from './options.ts';
import type { CallKit } from './call-kit.ts';
import type { ModelContext } from './run-call.ts';
import type { StandardSchemaV1 } from '../core/standard-schema.ts';

type Input = string | readonly Message[];

// The model's methods besides `chat`, `complete` and `stream` (json, object, streamObject, the
// Responses API), loaded with the first use of any of them: a chat-only page carries one forwarding
// line for each. The `LanguageModel` methods of the same names document them.

/**
 * Starts loading, all at once, on-demand code these methods' calls will need later (in a browser
 * each chunk is a round trip, and these would otherwise follow one another): what checks and
 * repairs a JSON answer, and for a schema, its converter and the checks of the options and the
 * model's capabilities. A hint: each step still loads what it needs itself. (The model's registry
 * record starts loading in runMethod, after the schema's conversion: the kit has no lookup of its
 * own, which would cost every chat page its bytes.)
 */
function preload(repairs: boolean, schema?: StandardSchemaV1) {
  const loads: Promise<unknown>[] = [];
  if (repairs) loads.push(import('./repair-rounds.ts'));
  if (schema) {
    loads.push(import('./check-options.ts'), import('./check-capabilities.ts'));
    // The converter valibot schemas need (see to-json-schema.ts), loaded with the code that calls it.
    if (schema['~standard']?.vendor === 'valibot') loads.push(import('@valibot/to-json-schema'));
  }
  for (const load of loads) load.catch(() => {});
}

/** See `LanguageModel.json`: every parsed JSON value is accepted. */
export const json = async (kit: CallKit, ctx: ModelContext, input: Input, options: CallOptions) => {
  preload(true);
  return kit.runMethod(
    ctx,
    'json',
    await kit.normalizeMessages(input, options.system),
    { type: 'json' },
    options,
    async (value) => ({
      ok: true,
      value,
    }),
  );
};

/** See `LanguageModel.object`. */
export async function object(
  kit: CallKit,
  ctx: ModelContext,
  input: Input,
  options: ObjectOptions<StandardSchemaV1>,
) {
  preload(true, options?.schema);
  // Schema conversion and validation load on first use: chat-only bundles do not carry them.
  const { prepareObjectOutput } = await import('./prepare-object-output.ts');
  const { output, check } = await prepareObjectOutput(options);
  return kit.runMethod(
    ctx,
    'object',
    await kit.normalizeMessages(input, options.system),
    output,
    options,
    check,
  );
}

/** See `LanguageModel.streamObject`: the source of its handle. */
export async function streamObject(
  kit: CallKit,
  ctx: ModelContext,
  input: Input,
  options: ObjectOptions<StandardSchemaV1>,
) {
  preload(false, options?.schema);
  const { prepareObjectOutput } = await import('./prepare-object-output.ts');
  const { output, check } = await prepareObjectOutput(options, 'streamObject');
  const [stream, { objectSource }] = await Promise.all([
    import('./run-stream.ts').then((s) =>
      s.openStream(kit, ctx, 'object', input, output, options, check),
    ),
    import('./object-source.ts'),
  ]);
  return objectSource(stream);
}

/** `responses()`, or with `stream` `streamResponses()`'s source. */
export async function responses(
  kit: CallKit,
  ctx: ModelContext,
  input: Input,
  options: ResponsesOptions,
  stream?: true,
) {
  preload(!stream && !!(options?.json || options?.schema), options?.schema);
  // Loaded on first use: bundles that never call the Responses API carry none of it.
  const { prepareResponses } = await import('./prepare-responses.ts');
  const { output, check } = await prepareResponses(ctx.adapter, options, stream);
  return stream
    ? (await import('./run-stream.ts')).openStream(
        kit,
        ctx,
        'responses',
        input,
        output,
        options,
        check,
      )
    : kit.runMethod(
        ctx,
        'responses',
        await kit.normalizeMessages(input, options.system),
        output,
        options,
        check,
      );
}
