import type { ModelCall } from '../../core/adapter.ts';

/** The effort and tier of one call, as Gemini members. */
export interface GoogleEffort {
  /** A `thinking` option (see prepareGoogleThinking) standing for the effort. */
  thinking?: Record<string, unknown>;
  /** The request's `serviceTier`. */
  serviceTier?: string;
  warnings: string[];
}

/**
 * Maps the universal `effort` and `serviceTier` for Gemini. The effort becomes a thinking level
 * (`none` turns thinking off; `xhigh` and `max` are `high`, Gemini's highest), which
 * prepareGoogleThinking then fits to the model: `thinkingLevel` on Gemini 3, a `thinkingBudget` on
 * Gemini 2.5, the nearest level a model has, with warnings. A call's own `thinking` wins. The tier is
 * the Gemini API's `serviceTier` (`flex`, `priority`; ai.google.dev/gemini-api/docs/flex-inference)
 * on models the registry lists with it (Gemini 3 for models it does not know); Vertex AI requests
 * have no such member.
 * @param call - The call.
 * @param vertex - Whether the request goes to Vertex AI.
 * @param thinkingSet - Whether the call sets `thinking` itself.
 */
export function prepareGoogleEffort(
  call: ModelCall,
  vertex: boolean,
  thinkingSet: boolean,
): GoogleEffort {
  const out: GoogleEffort = { warnings: [] };
  const { spec, model, effort, serviceTier } = call;
  if (effort !== undefined) {
    if (thinkingSet) {
      out.warnings.push(`effort '${effort}' was not used: the call sets thinking itself.`);
    } else if (spec && !spec.capabilities.thinking) {
      out.warnings.push(
        `effort '${effort}' was not sent: ${model} does not think (model registry).`,
      );
    } else if (effort === 'none') {
      out.thinking = { type: 'disabled' };
    } else {
      const level = effort === 'xhigh' || effort === 'max' ? 'high' : effort;
      if (level !== effort)
        out.warnings.push(`Gemini has no effort '${effort}'; sent its highest level, high.`);
      out.thinking = { level };
    }
  }
  if (serviceTier === 'flex' || serviceTier === 'priority') {
    const offered = spec
      ? spec.serviceTiers?.includes(serviceTier)
      : /^gemini-3/.test(model.replace(/^.*models\//, ''));
    if (vertex)
      out.warnings.push(
        `serviceTier '${serviceTier}' was not sent: Vertex AI requests have no service tier.`,
      );
    else if (!offered)
      out.warnings.push(
        `serviceTier '${serviceTier}' was not sent: ${model} does not offer it (model registry).`,
      );
    else out.serviceTier = serviceTier;
  }
  return out;
}
