import type { ModelCall } from '../../core/adapter.ts';

/**
 * Adds `temperature` and `top_p` to an Anthropic request body, leaving out what the model would
 * refuse (each omission is a warning, so one setting works across providers and models):
 * - a model whose registry record takes no `temperature` (Claude Opus 4.7 generation) gets neither,
 *   nor a pass-through `top_k` ("`temperature` is deprecated for this model");
 * - with thinking on, Anthropic only takes `temperature` 1, `top_p` of at least 0.95 and no `top_k`
 *   (docs.claude.com extended-thinking, "Feature compatibility");
 * - a model that refuses both together (registry `exclusiveSampling`: Claude Opus 4.1, Sonnet 4.5,
 *   Haiku 4.5 and later) gets `temperature` only. A model the registry does not know gets the same,
 *   since `temperature` alone is accepted by every Claude model that takes sampling settings.
 * Ships with the tuning step (tune-anthropic-body), which every call with a sampling option loads.
 * @param call - The call; its `spec` is the registry's record of the model, if any.
 * @param thinking - Whether the request turns thinking on.
 * @param body - The request body, completed in place (a pass-through `top_k` may be removed).
 * @param warnings - Receives one line per setting not sent.
 */
export function prepareAnthropicSampling(
  call: ModelCall,
  thinking: boolean,
  body: Record<string, unknown>,
  warnings: string[],
): void {
  let { temperature, topP } = call;
  if (call.spec && !call.spec.capabilities.temperature) {
    const given = [
      temperature !== undefined && 'temperature',
      topP !== undefined && 'topP',
      body.top_k !== undefined && 'top_k',
    ].filter(Boolean);
    delete body.top_k;
    if (given.length)
      warnings.push(
        `${given.join(' and ')} ${given.length > 1 ? 'were' : 'was'} not sent: the model registry ` +
          `says ${call.model} takes no sampling settings (Anthropic refuses them).`,
      );
    return;
  }
  if (thinking && temperature !== undefined && temperature !== 1) {
    warnings.push('temperature was not sent: Anthropic requires it unset (or 1) with thinking.');
    temperature = undefined;
  }
  if (thinking && body.top_k !== undefined) {
    warnings.push('top_k was not sent: Anthropic refuses it with thinking.');
    delete body.top_k;
  }
  if (thinking && topP !== undefined && topP < 0.95) {
    warnings.push('top_p was not sent: Anthropic requires it at least 0.95 with thinking.');
    topP = undefined;
  }
  if (temperature !== undefined && topP !== undefined && (call.spec?.exclusiveSampling ?? true)) {
    warnings.push(
      `topP was not sent: ${call.model} refuses temperature and top_p together` +
        `${call.spec ? '' : ' (or may: the model registry does not know it)'}; temperature was sent.`,
    );
    topP = undefined;
  }
  if (temperature !== undefined) body.temperature = temperature;
  if (topP !== undefined) body.top_p = topP;
}
