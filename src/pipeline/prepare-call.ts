import type {
  ConstraintKind,
  ModelCall,
  OutputConstraint,
  ProviderAdapter,
} from '../core/adapter.ts';
import { EFFORTS, SERVICE_TIERS } from '../core/effort.ts';
import { InvalidRequestError } from '../core/errors/invalid-request-error.ts';
import { showValue } from '../core/show-value.ts';
import { UnsupportedFeatureError } from '../core/errors/unsupported-feature-error.ts';
import { isPortableTools } from './is-portable-tools.ts';
import { LAZY_OPTION_KEYS, type CallOptions, type ModelOptions } from './options.ts';
// Ships with this chunk: tools are what most calls that load it set, and as a chunk of its own it
// was one or two more round trips after this one.
import { prepareTools } from './prepare-tools.ts';
import { validateGrammar } from '../core/validate-grammar.ts';

function checkValue(name: string, value: unknown, allowed: readonly string[]): void {
  if (value !== undefined && !allowed.includes(value as string)) {
    throw new InvalidRequestError(
      `\`${name}\` must be one of ${allowed.map((v) => `'${v}'`).join(', ')}; got ${showValue(value)}.`,
    );
  }
}

/** The constraint the call asks for (`grammar`, `regex` or `choice`), checked. */
function constraintOf(options: CallOptions): OutputConstraint | undefined {
  const given = (['grammar', 'regex', 'choice'] as const).filter((k) => options[k] !== undefined);
  if (given.length > 1) {
    throw new InvalidRequestError(
      `Pass one of grammar, regex or choice, not ${given.join(' and ')}: each constrains the whole answer.`,
    );
  }
  if (options.grammarSyntax !== undefined && options.grammar === undefined) {
    throw new InvalidRequestError('`grammarSyntax` needs `grammar`: pass the grammar text too.');
  }
  if (options.grammar !== undefined) {
    const syntax = options.grammarSyntax ?? 'lark';
    validateGrammar(syntax, options.grammar);
    return { type: 'grammar', syntax, definition: options.grammar };
  }
  if (options.regex !== undefined) {
    validateGrammar('regex', options.regex, 'regex');
    return { type: 'grammar', syntax: 'regex', definition: options.regex };
  }
  const { choice } = options;
  if (choice === undefined) return undefined;
  if (
    !Array.isArray(choice) ||
    choice.length === 0 ||
    !choice.every((c) => typeof c === 'string' && c !== '')
  ) {
    throw new InvalidRequestError(
      '`choice` must be a non-empty array of non-empty strings, the answers allowed.',
    );
  }
  return { type: 'choice', choices: [...choice] };
}

/**
 * Resolves the options whose code loads on demand: portable tools (schema conversion), the universal
 * `effort` and `serviceTier` (call options over model options), and an output constraint (`grammar`,
 * `regex`, `choice`). Everything is checked here, before any request, and taken out of the body
 * members.
 * @param call - The call being built; completed in place.
 * @param options - The call's options.
 * @param model - The model's options, for the default effort and tier.
 * @param adapter - The provider's adapter, for what it supports.
 * @throws {@link InvalidRequestError} for a value the option does not take.
 * @throws {@link UnsupportedFeatureError} for a constraint or grammar tool the provider cannot send.
 */
export async function prepareCall(
  call: ModelCall,
  options: CallOptions,
  model: ModelOptions,
  adapter: Pick<ProviderAdapter, 'provider' | 'features'>,
): Promise<void> {
  for (const key of LAZY_OPTION_KEYS) delete call.extra[key];
  if (isPortableTools(options.tools)) {
    delete call.extra.tools;
    const prepared = await prepareTools(options.tools, adapter);
    if (prepared.tools.length) call.tools = prepared.tools;
    if (prepared.grammarTools.length) call.grammarTools = prepared.grammarTools;
  }
  const effort = options.effort ?? model.effort;
  const tier = options.serviceTier ?? model.serviceTier;
  checkValue('effort', effort, EFFORTS);
  checkValue('serviceTier', tier, SERVICE_TIERS);
  if (effort !== undefined) call.effort = effort;
  if (tier !== undefined) call.serviceTier = tier;
  const constraint = constraintOf(options);
  if (!constraint) return;
  const kind: ConstraintKind = constraint.type === 'choice' ? 'choice' : constraint.syntax;
  if (!adapter.features?.constraints?.includes(kind)) {
    const what = kind === 'choice' ? 'choice' : `a ${kind} grammar`;
    throw new UnsupportedFeatureError({
      provider: adapter.provider,
      feature: 'constrained output',
      detail:
        `this model class cannot constrain the answer to ${what}` +
        (adapter.features?.constraints?.length
          ? ` (it takes ${adapter.features.constraints.join(', ')}).`
          : '; use OpenAI (GPT-5, gpt-4.1), vLLM or a llama.cpp server, or validate the text yourself.'),
    });
  }
  if (call.output.type !== 'text') {
    throw new InvalidRequestError(
      'grammar, regex and choice constrain a text answer: use them with chat() or responses(), not json() or object().',
    );
  }
  if (options.toolChoice !== undefined) {
    throw new InvalidRequestError(
      'grammar, regex and choice decide the answer themselves (on OpenAI by forcing a grammar tool): leave toolChoice out.',
    );
  }
  call.constraint = constraint;
}
