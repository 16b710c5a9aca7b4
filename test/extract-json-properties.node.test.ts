// JSON extraction and repair as properties (issue 14, "Property and fuzz tests"): any JSON value
// wrapped the ways models wrap it (alone, in a ```json fence, inside prose) reads back as itself,
// through extractJson and through json(); arbitrary text and bytes never crash either, json() only
// ever rejects with OutputValidationError, normalizeJsonResponse only with SyntaxError.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OutputValidationError } from '../src/core/errors/index.ts';
import { extractJson } from '../src/core/extract-json.ts';
import { normalizeJsonResponse } from '../src/prompts/index.ts';
import { OpenAIModel } from '../src/providers/openai/index.ts';

/** What a value reads back as: JSON has no -0 and no undefined. */
const asSent = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

// Prose that holds no JSON of its own: no brackets, no backticks.
const prose = fc.string({ maxLength: 20 }).map((s) => s.replace(/[{}[\]`]/g, ''));
const indent = fc.constantFrom(undefined, 2, '\t');
// Strings inside the JSON often hold what the extractor looks for: fences, brackets, quotes.
const stringUnit = fc.oneof(
  fc.constantFrom('`', '```', '{', ']', '"', '\\', '\n'),
  fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' }),
);
const jsonValue = fc.jsonValue({ stringUnit, maxDepth: 3 });
const container = fc.oneof(
  fc.dictionary(fc.string({ unit: stringUnit }), jsonValue),
  fc.array(jsonValue),
);

/** JSON values as models write them, with the value they hold. */
const wrapped = fc.oneof(
  fc.tuple(jsonValue, indent, prose).map(([value, space, pad]) => ({
    value,
    text: `${pad.replace(/\S/g, ' ')}${JSON.stringify(value, null, space)}\n`,
  })),
  fc
    .tuple(jsonValue, indent, prose, prose, fc.constantFrom('```json', '```JSON', '```'))
    .map(([value, space, before, after, fence]) => ({
      value,
      text: `${before}\n${fence}\n${JSON.stringify(value, null, space)}\n\`\`\`\n${after}`,
    })),
  fc.tuple(container, indent, prose, prose).map(([value, space, before, after]) => ({
    value,
    text: `Sure: ${before} ${JSON.stringify(value, null, space)} ${after}`,
  })),
);

// Arbitrary text: any code units, bytes decoded as a fetch would, and JSON-ish noise that walks the
// extractor's every branch (brackets, quotes, escapes, fences, truncation).
const noise = fc
  .array(
    fc.constantFrom('{', '}', '[', ']', '"', '\\', ':', ',', '1', 'a', ' ', '\n', '```', 'json'),
    {
      maxLength: 40,
    },
  )
  .map((parts) => parts.join(''));
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => new TextDecoder().decode(bytes)),
  noise,
);

/** An OpenAI model whose every answer is `text`; no cache, no repair round. */
function answering(text: string) {
  return new OpenAIModel({
    apiKey: 'sk-props',
    cache: false,
    maxRepairs: 0,
    fetch: async () =>
      Response.json({ choices: [{ message: { role: 'assistant', content: text } }] }),
  });
}

describe('extractJson', () => {
  it('any JSON value alone, fenced or inside prose reads back as itself', () => {
    fc.assert(
      fc.property(wrapped, ({ value, text }) => {
        const read = extractJson(text);
        expect(read).toMatchObject({ ok: true });
        expect(read.ok && read.value).toEqual(asSent(value));
      }),
      { numRuns: 1000 },
    );
  });

  it('arbitrary text never throws: a value with the JSON text it came from, or a reason', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const read = extractJson(text);
        expect(read.ok ? JSON.parse(read.json) : typeof read.error).toEqual(
          read.ok ? read.value : 'string',
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('normalizeJsonResponse returns parseable JSON or throws SyntaxError, never anything else', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let thrown: unknown;
        try {
          JSON.parse(normalizeJsonResponse(text));
        } catch (error) {
          thrown = error;
        }
        expect(thrown === undefined || thrown instanceof SyntaxError, String(thrown)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('json() over arbitrary answers', () => {
  it('a wrapped JSON value is the data', async () => {
    await fc.assert(
      fc.asyncProperty(wrapped, async ({ value, text }) => {
        expect((await answering(text).json('x')).data).toEqual(asSent(value));
      }),
      { numRuns: 200 },
    );
  });

  it('arbitrary text or bytes resolve with the JSON they hold or reject with OutputValidationError', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const read = extractJson(text);
        const result = await answering(text)
          .json('x')
          .then(
            (r) => ({ data: r.data }),
            (error: unknown) => ({
              error: error instanceof OutputValidationError ? 'OutputValidationError' : error,
            }),
          );
        expect(result).toEqual(read.ok ? { data: read.value } : { error: 'OutputValidationError' });
      }),
      { numRuns: 300 },
    );
  });
});
