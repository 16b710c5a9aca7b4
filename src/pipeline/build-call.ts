import type { CallMethod, ModelCall, OutputFormat } from '../core/adapter.ts';
import { InvalidRequestError } from '../core/errors/invalid-request-error.ts';
import type { Message } from '../core/types.ts';
import { isPortableTools } from './is-portable-tools.ts';
import { CALL_OPTION_KEYS, type CallOptions } from './options.ts';

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
 * `extra`, portable tools converted (that code loads only when tools are given). Shared by the
 * model's methods and `model.batch`, so a batched request is built exactly as `chat` builds it.
 */
export async function buildCall(
  method: CallMethod,
  model: string,
  messages: Message[],
  output: OutputFormat,
  options: CallOptions,
  prompt?: string,
): Promise<ModelCall> {
  const call = toCall(method, model, messages, output, options);
  if (prompt !== undefined) call.prompt = prompt;
  if (isPortableTools(options.tools)) {
    delete call.extra.tools;
    // Loaded on demand: chat-only bundles carry no tool or schema conversion code.
    const { prepareTools } = await import('./prepare-tools.ts');
    call.tools = await prepareTools(options.tools);
  }
  if (options.toolChoice !== undefined) call.toolChoice = options.toolChoice;
  return call;
}
