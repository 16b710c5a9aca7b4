import type { ModelCall } from '../../core/adapter.ts';

// What OpenAI's reasoning models (o-series, GPT-5 reasoning) refuse with a 400 "Unsupported
// parameter: '…' is not supported with this model." (OpenAI's reasoning guide, "Unsupported
// parameters"): sampling knobs, penalties, log probabilities and stop sequences. A caller's value
// for one of them, portable (`temperature`, `topP`, `stop`) or passed through, is not sent.
const REFUSED_BY_REASONING = [
  'temperature',
  'top_p',
  'presence_penalty',
  'frequency_penalty',
  'logprobs',
  'top_logprobs',
  'logit_bias',
  'stop',
] as const;

/**
 * Adds the token limit and the sampling settings to a Chat Completions or Completions body, with the
 * names the model takes. The registry decides (`requiresMaxCompletionTokens`, and the `temperature`
 * capability for the settings reasoning models refuse); for a model it does not know, `guess` (the
 * provider's name rule) stands in.
 * @param call - The call.
 * @param body - The body so far (pass-through members included); changed in place.
 * @param guess - Whether the id looks like a reasoning model.
 * @returns Warnings for what was renamed or left out.
 */
export function prepareOpenAISampling(
  call: ModelCall,
  body: Record<string, unknown>,
  guess: boolean,
): string[] {
  const warnings: string[] = [];
  const { spec } = call;
  const limitParam =
    (spec?.requiresMaxCompletionTokens ?? guess) ? 'max_completion_tokens' : 'max_tokens';
  if (call.maxTokens !== undefined) body[limitParam] = call.maxTokens;
  if (limitParam === 'max_completion_tokens' && 'max_tokens' in body) {
    body.max_completion_tokens ??= body.max_tokens;
    delete body.max_tokens;
    warnings.push('max_tokens was sent as max_completion_tokens, which reasoning models require.');
  }
  if (call.temperature !== undefined) body.temperature = call.temperature;
  if (call.topP !== undefined) body.top_p = call.topP;
  if (call.stop) body.stop = call.stop;
  if (call.seed !== undefined) body.seed = call.seed;
  const sampling = spec ? spec.capabilities.temperature : !guess;
  if (sampling) return warnings;
  for (const key of REFUSED_BY_REASONING) {
    if (body[key] === undefined) continue;
    delete body[key];
    warnings.push(`${key} was not sent: ${call.model} does not accept it.`);
  }
  return warnings;
}
