import { InvalidRequestError } from './errors/invalid-request-error.ts';

/**
 * How a grammar is written: `lark` and `regex` (OpenAI's grammar tools, vLLM's guided decoding),
 * `gbnf` (llama.cpp's `grammar` field, also read by vLLM's xgrammar backend).
 */
export type GrammarSyntax = 'lark' | 'regex' | 'gbnf';

/** The longest grammar accepted, as the Python original allows (and OpenAI's tools take). */
export const MAX_GRAMMAR_LENGTH = 10_000;

const SYNTAXES: ReadonlySet<unknown> = new Set(['lark', 'regex', 'gbnf']);

// What neither the Rust regex crate (OpenAI's grammar tools, docs "Regex CFG") nor the usual
// guided-decoding engines (xgrammar, outlines) can match: lookaround and backreferences.
const UNSUPPORTED_REGEX = /\(\?<?[=!]|\\[1-9]|\\k</;

/**
 * Checks a grammar before any request: a known syntax, 1 to 10 000 characters, a regex that
 * compiles and uses no lookaround or backreference, a Lark grammar with a `start` rule (the symbol
 * Lark and llguidance begin with), a GBNF grammar with a `root` rule (llama.cpp's start symbol).
 * @param syntax - The grammar's syntax.
 * @param definition - The grammar.
 * @param where - The option that holds it, for the message.
 * @throws {@link InvalidRequestError} saying what is wrong and how to fix it.
 */
export function validateGrammar(syntax: unknown, definition: unknown, where = 'grammar'): void {
  const fail = (why: string): never => {
    throw new InvalidRequestError(`${where}: ${why}`);
  };
  if (!SYNTAXES.has(syntax))
    fail(`the syntax must be 'lark', 'regex' or 'gbnf'; got ${JSON.stringify(syntax)}.`);
  if (typeof definition !== 'string' || definition.trim() === '')
    fail('the grammar is empty: pass its text.');
  const text = definition as string;
  if (text.length > MAX_GRAMMAR_LENGTH)
    fail(`the grammar has ${text.length} characters; at most ${MAX_GRAMMAR_LENGTH} are accepted.`);
  if (syntax === 'regex') {
    if (UNSUPPORTED_REGEX.test(text))
      fail(
        'lookaround and backreferences are not supported in a grammar regex; rewrite it without them.',
      );
    try {
      // A leading inline flag group (`(?i)`) is valid for the Rust regex crate, not for JavaScript.
      RegExp(text.replace(/^\(\?[imsx]+\)/, ''));
    } catch (error) {
      fail(`the regex does not compile: ${(error as Error).message}.`);
    }
  } else if (syntax === 'lark' && !/^\s*[?!]?start\s*(\.-?\d+)?\s*:/m.test(text)) {
    fail('a Lark grammar needs a `start` rule (for example `start: "yes" | "no"`).');
  } else if (syntax === 'gbnf' && !/^\s*root\s*::=/m.test(text)) {
    fail('a GBNF grammar needs a `root` rule (for example `root ::= "yes" | "no"`).');
  }
}
