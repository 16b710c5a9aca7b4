import type { ModelCall } from '../../core/adapter.ts';
import type { AnthropicStructuredOutput } from './anthropic-structured-output.ts';
import type { AnthropicPrompt, AnthropicTurn } from './convert-to-anthropic-messages.ts';
// Ships with this chunk: sampling settings are what most tuned calls set, and as a chunk of its own
// it was a second round trip after this one.
import { prepareAnthropicSampling } from './prepare-anthropic-sampling.ts';
import type { ResolvedThinking } from './prepare-anthropic-thinking.ts';
import { isPortableTool } from '../../pipeline/is-portable-tools.ts';

// The request settings a plain chat does not use (thinking, effort, service tier, sampling, tools,
// schema output, cache hints, json()'s instruction, a seed), loaded by the adapter only for calls
// that set one. Each feature's own
// code loads in turn only when that feature is used.

/** A portable tool (`{ name, parameters }`) in a provider-native array, with its `parameters`. */
const isPortableItem = (t: unknown): boolean => isPortableTool(t) && 'parameters' in t;

/** The JSON instruction for `json()`: the Messages API has no JSON mode. */
const JSON_INSTRUCTION = 'Respond with only a JSON value, no other text and no code fences.';

/**
 * Maps thinking (the `thinking` option, or the one an effort stands for), effort, service tier and
 * sampling onto the head of a request body (`max_tokens` is replaced, the rest appended in wire
 * order).
 * @param asked - The `thinking` call option, if any.
 * @param modelMax - The model's maximum output tokens.
 * @param warnings - Receives a line per setting changed or not sent.
 * @returns Whether the request turns thinking on.
 */
async function tuneAnthropicBody(
  call: ModelCall,
  asked: unknown,
  modelMax: number,
  body: Record<string, unknown>,
  warnings: string[],
): Promise<boolean> {
  const tuned =
    call.effort || call.serviceTier
      ? (await import('./prepare-anthropic-effort.ts')).prepareAnthropicEffort(
          call,
          modelMax,
          asked !== undefined,
        )
      : undefined;
  const thinking = asked ?? tuned?.thinking;
  let resolved: ResolvedThinking =
    thinking === undefined
      ? { on: false, maxTokens: call.maxTokens ?? modelMax }
      : (await import('./prepare-anthropic-thinking.ts')).prepareAnthropicThinking(
          thinking,
          call.maxTokens,
          modelMax,
          call.spec,
          call.model,
        );
  warnings.push(...(tuned?.warnings ?? []));
  if (resolved.warning) warnings.push(resolved.warning);
  // Loaded only with thinking on: plain chat bundles do not carry it.
  const turnWarning = resolved.on
    ? (await import('./open-tool-turn-without-thinking.ts')).openToolTurnWithoutThinking(
        call.messages,
      )
    : undefined;
  if (turnWarning) {
    // The turn began without Claude thinking (another provider's, or thinking off): it ends so.
    resolved = { on: false, maxTokens: call.maxTokens ?? modelMax };
    warnings.push(turnWarning);
  }
  body.max_tokens = resolved.maxTokens;
  if (resolved.wire) body.thinking = resolved.wire;
  if (tuned?.effort)
    body.output_config = { effort: tuned.effort, ...(body.output_config as object) };
  if (tuned?.serviceTier) body.service_tier ??= tuned.serviceTier;
  if (call.temperature !== undefined || call.topP !== undefined || body.top_k !== undefined) {
    prepareAnthropicSampling(call, resolved.on, body, warnings);
  }
  return resolved.on;
}

/**
 * Adds tools, schema-shaped output and cache breakpoints to the tail of a request body.
 * @param thinking - Whether the request turns thinking on.
 * @param mode - The structured-output mode of an `object()` call.
 * @param cacheControl - The `cacheControl` call option, if any.
 * @param system - The system prompt so far.
 * @param messages - The converted turns; a cache breakpoint replaces the last one.
 * @returns The system prompt to send.
 */
async function finishAnthropicBody(
  call: ModelCall,
  thinking: boolean,
  mode: AnthropicStructuredOutput | undefined,
  cacheControl: unknown,
  body: Record<string, unknown>,
  system: string | undefined,
  messages: AnthropicTurn[],
  warnings: string[],
): Promise<unknown> {
  if (call.seed !== undefined) warnings.push('seed was not sent: the Messages API has no seed.');
  if (call.output.type === 'json')
    system = system ? `${system}\n\n${JSON_INSTRUCTION}` : JSON_INSTRUCTION;
  if (call.tools?.length || call.toolChoice !== undefined) {
    const { prepareAnthropicTools } = await import('./prepare-anthropic-tools.ts');
    Object.assign(body, prepareAnthropicTools(call, thinking, mode === 'tool', warnings));
  }
  if (mode) {
    const { prepareAnthropicOutput } = await import('./prepare-anthropic-output.ts');
    system = prepareAnthropicOutput(call, mode, thinking, body, system);
  }
  const native = call.extra.tools;
  if (Array.isArray(native) && native.some(isPortableItem)) {
    const { mixAnthropicTools } = await import('./mix-anthropic-tools.ts');
    body.tools = await mixAnthropicTools(native, isPortableItem);
  }
  const targets = { system, tools: body.tools as never, messages };
  if (cacheControl !== undefined) {
    const { applyAnthropicCacheControl } = await import('./anthropic-cache-control.ts');
    applyAnthropicCacheControl(cacheControl, targets);
  }
  if (targets.tools !== undefined) body.tools = targets.tools;
  return targets.system;
}

/**
 * Reads a pass-through `max_tokens` and `top_p` (Messages API spellings in the call options) as
 * `maxTokens` and `topP` when those are unset (the portable spelling wins), so the thinking budget and the temperature/top_p rule
 * see them. A `max_tokens` the portable `maxTokens` (or no number) replaces is a warning, not a silent
 * change.
 * @param body - The body so far; its pass-through `top_p` is removed (the sampling step sets it).
 * @returns The call with the settings read.
 */
function passThroughSettings(
  call: ModelCall,
  body: Record<string, unknown>,
  warnings: string[],
): ModelCall {
  const { max_tokens: maxTokens, top_p: topP } = call.extra;
  const read = { ...call };
  if (typeof maxTokens === 'number' && call.maxTokens === undefined) read.maxTokens = maxTokens;
  else if (maxTokens !== undefined)
    warnings.push(
      `max_tokens ${JSON.stringify(maxTokens)} was not sent: ` +
        `${call.maxTokens === undefined ? 'it is not a number' : `maxTokens ${call.maxTokens} was`}.`,
    );
  if (typeof topP === 'number') {
    read.topP ??= topP;
    delete body.top_p;
  }
  return read;
}

/**
 * Completes a request body that sets what a plain chat does not (loaded by the adapter on the first
 * such call): thinking, effort, service tier and sampling at its head, then tools, schema-shaped
 * output and cache breakpoints.
 * @param asked - The `thinking` call option, if any.
 * @param mode - The structured-output mode of an `object()` call.
 * @param cacheControl - The `cacheControl` call option, if any.
 * @param modelMax - The model's maximum output tokens.
 * @param body - The body so far (pass-through members, model, `max_tokens`, stop sequences);
 *   changed in place.
 * @param prompt - The converted conversation; a cache breakpoint replaces its last turn.
 * @returns The system prompt to send.
 */
export async function tuneAnthropicRequest(
  call: ModelCall,
  asked: unknown,
  mode: AnthropicStructuredOutput | undefined,
  cacheControl: unknown,
  modelMax: number,
  body: Record<string, unknown>,
  prompt: AnthropicPrompt,
): Promise<unknown> {
  const { warnings } = prompt;
  call = passThroughSettings(call, body, warnings);
  // The later steps' code loads with the first step's, not after it (in a browser each chunk is a
  // round trip): thinking (asked for, or from an effort), the finishing steps, and the reader of an
  // answer with thinking or tool_use blocks, which otherwise loads only once the answer arrived.
  const thinks = asked !== undefined || !!call.effort;
  const tools = !!call.tools?.length || call.toolChoice !== undefined;
  for (const load of [
    thinks && import('./prepare-anthropic-thinking.ts'),
    thinks && import('./open-tool-turn-without-thinking.ts'),
    tools && import('./prepare-anthropic-tools.ts'),
    mode && import('./prepare-anthropic-output.ts'),
    cacheControl !== undefined && import('./anthropic-cache-control.ts'),
    (thinks || tools) && import('./read-anthropic-blocks.ts'),
  ])
    if (load) load.catch(() => {});
  const thinking = await tuneAnthropicBody(call, asked, modelMax, body, warnings);
  return finishAnthropicBody(
    call,
    thinking,
    mode,
    cacheControl,
    body,
    prompt.system,
    prompt.messages,
    warnings,
  );
}
