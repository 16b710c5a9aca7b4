import type { CallMethod, ModelCall, OutputFormat } from '../core/adapter.ts';
import type { Message } from '../core/types.ts';
import { isPortableTools } from './is-portable-tools.ts';
import { CALL_OPTION_KEYS, LAZY_OPTION_KEYS, type CallOptions } from './options.ts';
import type { ModelContext } from './run-call.ts';

/**
 * Model options left to the constructor (endpoint and key, which it checks itself) and to the
 * provider class (Anthropic's browser opt-in), and `model`, whose rule applies to the id in effect
 * (checked below): a model with only these, or with `cache: false` (which fits its rule), loads and
 * runs no check code.
 */
const UNCHECKED = ['endpoint', 'apiKey', 'dangerouslyAllowBrowser', 'model'];

/** Splits call options into the portable settings and the verbatim body members. */
function toCall(
  method: CallMethod,
  model: string,
  messages: Message[],
  output: OutputFormat,
  options: CallOptions,
): ModelCall {
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
 * Normalises one call for the adapter: the model's and the call's options checked (see
 * check-options.ts), portable options mapped, pass-through members in
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
  const settings = ctx.options;
  // Both load on demand, together rather than one after the other (in a browser each chunk is a
  // round trip): the checks only when there is something to check (a bare chat call carries none of
  // them), the call step only for tools, effort, tiers and output constraints.
  const [checks, prep] = await Promise.all([
    (Object.keys(options).length ||
      typeof ctx.model !== 'string' ||
      !ctx.model ||
      Object.keys(settings).some(
        (k) => !UNCHECKED.includes(k) && (k !== 'cache' || settings.cache !== false),
      )) &&
      import('./check-options.ts'),
    (isPortableTools(options.tools) ||
      settings.effort ||
      settings.serviceTier ||
      LAZY_OPTION_KEYS.some((key) => options[key] !== undefined)) &&
      import('./prepare-call.ts'),
  ]);
  if (checks) checks.checkCallOptions(settings, ctx.model, options);
  const call = toCall(method, ctx.model, messages, output, options);
  if (prompt !== undefined) call.prompt = prompt;
  if (prep) await prep.prepareCall(call, options, settings, ctx.adapter);
  if (options.toolChoice !== undefined) call.toolChoice = options.toolChoice;
  return call;
}
