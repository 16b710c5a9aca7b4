import type { ModelCall, OutputConstraint, ToolGrammar } from '../../core/adapter.ts';

/** The name of the custom tool that carries a `grammar`, `regex` or `choice` answer (as the original). */
export const GRAMMAR_TOOL = 'grammar_response';

/**
 * How a server takes a constraint on the whole answer: OpenAI through a forced custom grammar tool,
 * vLLM ≥ 0.12 through `structured_outputs`, vLLM ≤ 0.11 through `guided_*`, llama.cpp through a
 * top-level GBNF `grammar`.
 */
export type ConstraintForm = 'custom-tool' | 'structured_outputs' | 'guided' | 'llama';

// The characters the Rust regex crate's `escape` escapes (OpenAI's regex grammars are Rust regexes).
const REGEX_SPECIAL = /[\\.+*?()|[\]{}^$#&\-~]/g;

/**
 * The grammar a custom tool carries for a constraint: the grammar itself, or for `choice` a regex
 * matching exactly one of the answers.
 */
export function grammarOf(constraint: OutputConstraint): ToolGrammar {
  if (constraint.type === 'grammar') return constraint;
  const alternatives = constraint.choices.map((c) => c.replace(REGEX_SPECIAL, '\\$&'));
  return { syntax: 'regex', definition: alternatives.join('|') };
}

/**
 * Sends a call's constraint in a Chat Completions body, in place. The custom tool (OpenAI) is forced
 * with `tool_choice`, so the answer is its input; the parser returns that as `text`
 * ({@link liftGrammarAnswer}). Field names: docs/features/structured_outputs.md of vLLM
 * (`structured_outputs.{grammar,regex,choice}`, formerly `guided_grammar`/`guided_regex`/
 * `guided_choice`), and llama.cpp's server README (`grammar`, GBNF).
 * @param call - A call with a `constraint`.
 * @param body - The request body.
 * @param form - How the server takes it.
 */
export function prepareOpenAIConstraint(
  call: ModelCall,
  body: Record<string, unknown>,
  form: ConstraintForm,
): void {
  const constraint = call.constraint;
  if (!constraint) return;
  if (form === 'custom-tool') {
    const { syntax, definition } = grammarOf(constraint);
    const tool = {
      type: 'custom',
      custom: {
        name: GRAMMAR_TOOL,
        description: 'Give the whole answer as this tool input.',
        format: { type: 'grammar', grammar: { syntax, definition } },
      },
    };
    body.tools = [...((body.tools as unknown[] | undefined) ?? []), tool];
    body.tool_choice = { type: 'custom', custom: { name: GRAMMAR_TOOL } };
    return;
  }
  if (form === 'llama') {
    body.grammar = (constraint as { definition: string }).definition;
    return;
  }
  const [key, value] =
    constraint.type === 'choice'
      ? ['choice', constraint.choices]
      : constraint.syntax === 'regex'
        ? ['regex', constraint.definition]
        : ['grammar', constraint.definition];
  if (form === 'structured_outputs') body.structured_outputs = { [key]: value };
  else body[`guided_${key}`] = value;
}
