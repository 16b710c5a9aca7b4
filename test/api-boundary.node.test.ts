// Bad input at the API boundary (issue 14, "Property and fuzz tests"): arbitrary values (any JS
// value fast-check makes, BigInts, boxed values, null-prototype objects, Maps, Dates…) for each
// public option of the model constructor and of chat/json/object/stream. A value of the documented
// type is taken (the call may still fail with a typed SDK error, a deadline for one); any other
// value is an InvalidRequestError that names the option, before any request; nothing ever escapes
// as a TypeError or another untyped throw from inside the SDK.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidRequestError, isLLMError } from '../src/core/errors/index.ts';
import { memoryStore } from '../src/cache/index.ts';
import { OpenAIModel } from '../src/providers/openai/index.ts';

const EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'];
const TIERS = ['flex', 'standard', 'priority'];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown, min: number, integer = false) =>
  typeof v === 'number' && Number.isFinite(v) && v >= min && (!integer || Number.isInteger(v));
const isString = (v: unknown) => typeof v === 'string';
const isBoolean = (v: unknown) => typeof v === 'boolean';
const isHeaders = (v: unknown) =>
  isObject(v) &&
  Object.getPrototypeOf(v) === Object.prototype &&
  Object.values(v).every((h) => h === undefined || typeof h === 'string');

/** The documented types (options.ts), as the test's own oracle. */
const CALL: Record<string, (v: unknown) => boolean> = {
  system: isString,
  maxTokens: (v) => isNumber(v, 1, true),
  temperature: (v) => isNumber(v, 0),
  topP: (v) => isNumber(v, 0),
  seed: Number.isSafeInteger,
  stop: (v) => isString(v) || (Array.isArray(v) && v.every(isString)),
  ignoreCache: isBoolean,
  signal: (v) => v instanceof AbortSignal,
  timeout: (v) => isNumber(v, 0) && (v as number) > 0,
  headers: isHeaders,
  retryLimit: (v) => isNumber(v, 0, true),
  maxRepairs: (v) => isNumber(v, 0, true),
  toolChoice: (v) =>
    ['auto', 'none', 'required'].includes(v as string) || (isObject(v) && isString(v.name)),
  // null falls back to the model's setting, as undefined does.
  effort: (v) => v === null || EFFORTS.includes(v as string),
  serviceTier: (v) => v === null || TIERS.includes(v as string),
  tools: (v) => Array.isArray(v) && [...v].every((t) => typeof t === 'object' && t !== null),
  idleTimeout: (v) => isNumber(v, 0) && (v as number) > 0,
  schemaName: isString,
  jsonSchema: isObject,
};
const MODEL: Record<string, (v: unknown) => boolean> = {
  model: (v) => v === null || (isString(v) && v !== ''), // null: the class's default model
  endpoint: (v) => v === null || isString(v), // null: the class's default endpoint, as undefined
  apiKey: (v) => v === null || isString(v), // null: the key chain, as undefined
  idleTimeout: (v) => isNumber(v, 0) && (v as number) > 0,
  ignoreCache: isBoolean,
  cacheTtl: (v) => isNumber(v, 0),
  fetch: (v) => typeof v === 'function',
  onWarning: (v) => typeof v === 'function',
  retryLimit: (v) => isNumber(v, 0, true),
  retryDelay: (v) => isNumber(v, 0),
  timeout: (v) => isNumber(v, 0) && (v as number) > 0,
  signal: (v) => v instanceof AbortSignal,
  headers: isHeaders,
  maxRepairs: (v) => isNumber(v, 0, true),
  effort: (v) => EFFORTS.includes(v as string),
  serviceTier: (v) => TIERS.includes(v as string),
  concurrency: (v) => isNumber(v, 1, true),
};

// Anything at all, plus values near each option's domain so that the valid side is exercised too.
const value = fc.oneof(
  fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withTypedArray: true,
    withSparseArray: true,
  }),
  fc.double(),
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(...EFFORTS, ...TIERS, 'auto', '', 'x', { name: 'f' }, ['a', 1]),
  fc.constant(new AbortController().signal),
  fc.constant(() => {}),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.string(), fc.integer())),
);

const answer = () =>
  Response.json({ choices: [{ message: { role: 'assistant', content: '{"a":1}' } }] });
let requests = 0;
const base = {
  apiKey: 'sk-boundary',
  cache: false as const,
  retryLimit: 0,
  fetch: async () => (requests++, answer()),
};

/** Runs `act` and says how it ended: resolved, or the error it threw (sync or async). */
async function outcome(act: () => Promise<unknown>): Promise<{ error?: unknown }> {
  try {
    await act();
    return {};
  } catch (error) {
    return { error };
  }
}

/** The rule for one option and value (see the file's header): 'ok', or what broke it. */
function verdict(
  name: string,
  v: unknown,
  valid: boolean,
  result: { error?: unknown },
  sent: number,
) {
  const error = result.error as Error | undefined;
  if (error === undefined) return valid ? 'ok' : 'accepted';
  if (!isLLMError(error)) return `threw ${error?.name}: ${error?.message}`;
  // A value of the right type may still be refused, typed (a maxTokens above the model's limit).
  if (valid) return 'ok';
  if (!(error instanceof InvalidRequestError)) return `threw ${error.name}: ${error.message}`;
  if (!error.message.includes(name)) return `a message without the name: ${error.message}`;
  return sent === 0 ? 'ok' : 'a request was sent';
}

/** Asserts the rule, naming the option and value when it breaks. */
function judge(
  name: string,
  v: unknown,
  valid: boolean,
  result: { error?: unknown },
  sent: number,
) {
  expect(verdict(name, v, valid, result, sent), `${name} = ${fc.stringify(v)}`).toBe('ok');
}

const METHODS = {
  chat: (m: OpenAIModel, o: object) => m.chat('hi', o as never),
  json: (m: OpenAIModel, o: object) => m.json('hi', o as never),
  object: (m: OpenAIModel, o: object) =>
    m.object('hi', {
      schema: {
        '~standard': { version: 1, vendor: 'x', validate: (v: unknown) => ({ value: v }) },
      },
      jsonSchema: { type: 'object' },
      ...o,
    }),
  stream: (m: OpenAIModel, o: object) => m.stream('hi', o as never).response,
};

describe('call options take their documented type or reject with InvalidRequestError naming them', () => {
  for (const [method, call] of Object.entries(METHODS)) {
    it(`${method}()`, async () => {
      const model = new OpenAIModel(base);
      for (const [name, valid] of Object.entries(CALL)) {
        await fc.assert(
          fc.asyncProperty(value, async (v) => {
            requests = 0;
            const result = await outcome(() => call(model, { [name]: v }));
            judge(name, v, v === undefined || valid(v), result, requests);
          }),
          { numRuns: method === 'chat' ? 150 : 40 },
        );
      }
    });
  }
});

describe('model options take their documented type or reject with InvalidRequestError naming them', () => {
  it('new OpenAIModel(options), then chat()', async () => {
    for (const [name, valid] of Object.entries(MODEL)) {
      await fc.assert(
        fc.asyncProperty(value, async (v) => {
          requests = 0;
          const result = await outcome(async () => {
            const options = { ...base, [name]: v };
            await new OpenAIModel(options).chat('hi', { timeout: 5000 });
          });
          judge(name, v, v === undefined || valid(v), result, requests);
        }),
        { numRuns: 150 },
      );
    }
  });

  it('cache: a store, false, or an InvalidRequestError naming it', async () => {
    const valid = (v: unknown) =>
      v === false || (isObject(v) && typeof v.get === 'function' && typeof v.set === 'function');
    await fc.assert(
      fc.asyncProperty(fc.oneof(value, fc.constant(memoryStore())), async (v) => {
        requests = 0;
        const result = await outcome(() =>
          new OpenAIModel({ ...base, cache: v as false }).chat('hi'),
        );
        judge('cache', v, v === undefined || valid(v), result, requests);
      }),
      { numRuns: 150 },
    );
  });
});
