import { LLMError } from './llm-error.ts';

/**
 * The model answered, but its output was not valid JSON or failed the caller's schema, on every
 * attempt allowed. Unlike a transport failure this is a normal outcome of a model call, so it holds
 * what the model said.
 */
export class OutputValidationError extends LLMError {
  override readonly name: string = 'OutputValidationError';
  /** The text of the last answer. */
  readonly text: string;
  /** What was wrong with it: JSON parse errors or schema issue messages. */
  readonly issues: readonly string[];
  /** How many answers were tried. */
  readonly attempts: number;

  constructor(init: {
    text: string;
    issues: readonly string[];
    attempts: number;
    cause?: unknown;
  }) {
    super(
      `The model's output did not validate after ${init.attempts} attempt(s): ` +
        `${init.issues.slice(0, 3).join('; ')}. Raise \`maxRepairs\`, or make the prompt or ` +
        'schema clearer.',
      init,
    );
    this.text = init.text;
    this.issues = init.issues;
    this.attempts = init.attempts;
  }
}
