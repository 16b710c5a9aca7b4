import type { CallMethod, ModelCall, OutputFormat } from '../core/adapter.ts';
import { InvalidRequestError } from '../core/errors/invalid-request-error.ts';
import type { Message } from '../core/types.ts';
import { isPortableTools } from './is-portable-tools.ts';
import { CALL_OPTION_KEYS, LAZY_OPTION_KEYS, type CallOptions } from './options.ts';
import type { ModelContext } from './run-call.ts';

function checkNumber(name: string, value: unknown, min: number, integer = false): void {
  if (value === undefined) return;
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < min ||
    (integer && !Number.isInteger(value))
  ) {
    throw new InvalidRequestError(
      `\`${name}\` must be ${integer ? 'an integer' : 'a number'} of at least ${min}; got ${JSON.stringify(value)}.`,
    );
  }
}

/** Splits call options into the portable settings and the verbatim body members. */
function toCall(
  method: CallMethod,
  model: string,
  messages: Message[],
  output: OutputFormat,
  options: CallOptions,
): ModelCall {
  checkNumber('maxTokens', options.maxTokens, 1, true);
  checkNumber('temperature', options.temperature, 0);
  checkNumber('topP', options.topP, 0);
  checkNumber('seed', options.seed, Number.MIN_SAFE_INTEGER, true);
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (!CALL_OPTION_KEYS.has(key) && value !== undefined) extra[key] = value;
  }
  const { stop } = options;
  return {
    method,
    model,
    messages,
    output,
    maxTokens: options.maxTokens,
    temperature: options.temperature,
    topP: options.topP,
    stop: stop === undefined ? undefined : Array.isArray(stop) ? stop : [stop],
    seed: options.seed,
    extra,
  };
}

/**
 * Normalises one call for the adapter: portable options checked and mapped, pass-through members in
 * `extra`; tools, effort, service tier and output constraints resolved by `prepareCall` (that code
 * loads only when one of them is given). Shared by the model's methods and `model.batch`, so a
 * batched request is built exactly as `chat` builds it (and has the same cache key).
 * @param ctx - The model: its id, its options (default effort and tier) and its adapter.
 */
export async function buildCall(
  ctx: Pick<ModelContext, 'model' | 'options' | 'adapter'>,
  method: CallMethod,
  messages: Message[],
  output: OutputFormat,
  options: CallOptions,
  prompt?: string,
): Promise<ModelCall> {
  const call = toCall(method, ctx.model, messages, output, options);
  if (prompt !== undefined) call.prompt = prompt;
  const settings = ctx.options;
  if (
    isPortableTools(options.tools) ||
    settings.effort ||
    settings.serviceTier ||
    LAZY_OPTION_KEYS.some((key) => options[key] !== undefined)
  ) {
    // Loaded on demand: chat-only bundles carry no tool, effort or grammar code.
    await (await import('./prepare-call.ts')).prepareCall(call, options, settings, ctx.adapter);
  }
  if (options.toolChoice !== undefined) call.toolChoice = options.toolChoice;
  return call;
}
