import type { ModelCall } from '../../core/adapter.ts';
import { UnsupportedFeatureError } from '../../core/errors/unsupported-feature-error.ts';
import type { ConstraintForm } from './prepare-openai-constraint.ts';

// Re-exported so that one lazy import brings what a constrained call needs at both ends.
export { liftGrammarAnswer } from './lift-grammar-answer.ts';

/**
 * Refuses, before any request, a grammar (a constraint or a grammar tool) sent as a custom tool to a
 * model the registry lists without the `grammar` capability: OpenAI's custom grammar tools work on
 * the GPT-5 family and gpt-4.1 only. Models the registry does not know are let through.
 * @throws {@link UnsupportedFeatureError} naming the model.
 */
export function checkGrammarModel(
  call: ModelCall,
  provider: string,
  form: ConstraintForm | undefined,
): void {
  if (form !== 'custom-tool' || !call.spec || call.spec.capabilities.grammar) return;
  throw new UnsupportedFeatureError({
    provider,
    feature: 'grammar-constrained output',
    detail:
      `the model registry says ${call.model} has no grammar tools (OpenAI has them on the GPT-5 ` +
      "family and gpt-4.1): choose such a model (filterModels({ capabilities: ['grammar'] })).",
  });
}
