import { InvalidRequestError } from '../core/errors/invalid-request-error.ts';
import { EFFORTS, SERVICE_TIERS } from '../core/effort.ts';
import { showValue } from '../core/show-value.ts';
import type { CallOptions, ModelOptions } from './options.ts';

/**
 * How an option is checked: a kind letter, or the values allowed. `s` a string, `N` a non-empty
 * string, `b` a boolean, `f`
 * a function, `o` an object, `a` an AbortSignal, `h` headers (an object of string values), `S` a
 * string or an array of strings, `T` an array of objects; numbers: `n` at least 0, `p` above 0, `i` an integer
 * of at least 0, `I` an integer of at least 1, `z` any safe integer; `C` a cache store or false,
 * `t` a tool choice.
 */
export type OptionRule = string | readonly string[];

const KINDS: Record<string, [(v: any) => boolean, string]> = {
  s: [(v) => typeof v === 'string', 'a string'],
  N: [(v) => typeof v === 'string' && v !== '', 'a non-empty string'],
  b: [(v) => typeof v === 'boolean', 'true or false'],
  f: [(v) => typeof v === 'function', 'a function'],
  o: [(v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'an object'],
  a: [(v) => v instanceof AbortSignal, 'an AbortSignal'],
  h: [
    (v) =>
      Object.getPrototypeOf(v ?? 0) === Object.prototype &&
      Object.values(v).every((h) => h === undefined || typeof h === 'string'),
    'an object of header names to string values',
  ],
  S: [
    (v) => typeof v === 'string' || (Array.isArray(v) && v.every((s) => typeof s === 'string')),
    'a string or an array of strings',
  ],
  T: [
    (v) => Array.isArray(v) && [...v].every((t) => typeof t === 'object' && t !== null),
    'an array of tools (objects)',
  ],
  n: [(v) => Number.isFinite(v) && v >= 0, 'a number of at least 0'],
  p: [(v) => Number.isFinite(v) && v > 0, 'a number above 0'],
  i: [(v) => Number.isInteger(v) && v >= 0, 'an integer of at least 0'],
  I: [(v) => Number.isInteger(v) && v >= 1, 'an integer of at least 1'],
  z: [Number.isSafeInteger, 'a safe integer'],
  C: [
    (v) => v === false || (typeof v?.get === 'function' && typeof v.set === 'function'),
    'false or a cache store (with get and set)',
  ],
  t: [
    (v) => ['auto', 'none', 'required'].includes(v) || typeof v?.name === 'string',
    '"auto", "none", "required" or { name }',
  ],
};

/**
 * Checks the options that are set against their rules, before any request: a value of another type
 * would otherwise surface as a TypeError deep inside the SDK, or reach the provider as a 400.
 * @param options - The caller's options (undefined members are not set).
 * @param rules - The rule of each option checked here.
 * @throws {@link InvalidRequestError} naming the first option whose value does not fit, and why.
 */
export function checkOptions(options: object, rules: Record<string, OptionRule>): void {
  for (const name in rules) {
    const value = (options as Record<string, unknown>)[name];
    const rule = rules[name]!;
    if (value === undefined) continue;
    const [ok, what] =
      typeof rule === 'string'
        ? KINDS[rule]!
        : [
            (v: unknown) => rule.includes(v as string),
            `one of ${rule.map((r) => `'${r}'`).join(', ')}`,
          ];
    if (!ok(value)) {
      throw new InvalidRequestError(`\`${name}\` must be ${what}; got ${showValue(value)}.`);
    }
  }
}

// The call options with a type to check (options.ts documents each); grammar, choice, effort and
// service tier are checked where their code loads (prepare-call.ts).
const CALL_RULES: Record<string, OptionRule> = {
  system: 's',
  maxTokens: 'I',
  temperature: 'n',
  topP: 'n',
  seed: 'z',
  stop: 'S',
  ignoreCache: 'b',
  signal: 'a',
  timeout: 'p',
  idleTimeout: 'p',
  headers: 'h',
  retryLimit: 'i',
  maxRepairs: 'i',
  tools: 'T',
  toolChoice: 't',
  schemaName: 's',
  jsonSchema: 'o',
};

// The model options with a type to check (options.ts documents each); `endpoint` and `apiKey` are
// checked by the constructor.
const MODEL_RULES: Record<string, OptionRule> = {
  model: 'N',
  cache: 'C',
  ignoreCache: 'b',
  fetch: 'f',
  onWarning: 'f',
  retryLimit: 'i',
  retryDelay: 'n',
  timeout: 'p',
  idleTimeout: 'p',
  signal: 'a',
  headers: 'h',
  maxRepairs: 'i',
  concurrency: 'I',
  effort: EFFORTS,
  serviceTier: SERVICE_TIERS,
  keyResolver: 'f',
  env: 'o',
  registry: 'o',
  limits: 'o',
  limiter: 'o',
  hooks: 'o',
};

/**
 * Checks a call's model options and its own options before anything is sent. Model options are
 * checked here, on each call, rather than in the constructor, so that bundles whose models set
 * none of them never load this code.
 * @param settings - The model's options.
 * @param model - The model id in effect.
 * @param options - The call's options.
 * @throws {@link InvalidRequestError} naming the first option whose value does not fit.
 */
export function checkCallOptions(settings: ModelOptions, model: unknown, options: CallOptions) {
  checkOptions({ ...settings, model }, MODEL_RULES);
  checkOptions(options, CALL_RULES);
}
