// `alea-llm-client/prompts` in every runtime: the original's prompt and JSON helpers give the
// outputs recorded in shared/docs/original-inventory.md §c.2, §c.5 and §c.6 for the same inputs,
// and not its bugs (bytes as b'...', JSON Lines cut to the first record, the mutated schema).
import * as v from 'valibot';
import { assert, deepEqual, equal } from './assert.mjs';

// The pydantic `Person{name: str, age: int}` of the inventory's example, as its JSON Schema.
const PERSON_SCHEMA = {
  properties: {
    name: { title: 'Name', type: 'string' },
    age: { title: 'Age', type: 'integer' },
  },
  required: ['name', 'age'],
  title: 'Person',
  type: 'object',
};

/** @param {() => unknown} fn @returns {any} the thrown value */
function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function promptCases({ sdk }) {
  const p = sdk.prompts;
  return [
    [
      'prompts: formatPrompt renders the inventory example exactly (instructions, schema, blank line between)',
      async () => {
        const prompt = p.formatPrompt({
          instructions: p.formatInstructions([
            'Provide one random record based on the SCHEMA below',
            '  be terse.  ',
          ]),
          schema: PERSON_SCHEMA,
        });
        equal(
          prompt,
          '# Instructions\n<INSTRUCTIONS>\n- 1. Provide one random record based on the SCHEMA below.\n - 2. be terse.\n</INSTRUCTIONS>\n\n' +
            '# Schema\n<SCHEMA>\n{"properties": {"name": {"title": "Name", "type": "string"}, "age": {"title": "Age", "type": "integer"}}, "required": ["name", "age"], "title": "Person", "type": "object"}\n</SCHEMA>',
        );
        deepEqual(
          p.formatPromptSections(
            new Map([
              ['b', 'x'],
              ['a', 'y'],
            ]),
          ),
          ['# B\n<B>\nx\n</B>', '# A\n<A>\ny\n</A>'],
        );
      },
    ],
    [
      'prompts: titles, tags and instructions as the original (title case, dashes, numbered lines)',
      async () => {
        equal(p.normalizeSectionTitle('  my list '), 'My List');
        equal(p.normalizeSectionTitle('JSON-schema 2nd pass'), 'Json-Schema 2Nd Pass');
        equal(p.normalizeSectionTitle("user's notes"), "User's Notes"); // Python: User'S
        equal(p.getSectionTag(' My List '), 'MY-LIST');
        equal(p.formatInstructions(['a', ' b. ']), ' - 1. a.\n - 2. b.\n');
        equal(p.formatInstructions(['Why?', 'Stop!']), ' - 1. Why?\n - 2. Stop!\n'); // not "Why?."
      },
    ],
    [
      'prompts: section content: text as is, data as Python JSON, a valibot schema as its JSON Schema, bytes as text',
      async () => {
        equal(p.formatSectionContent('as is '), 'as is ');
        equal(
          p.formatSectionContent({ a: [1, 2], b: { c: null } }),
          '{"a": [1, 2], "b": {"c": null}}',
        );
        equal(p.formatSectionContent(['x', true]), '["x", true]');
        equal(p.formatSectionContent(42), '42');
        equal(p.formatSectionContent(undefined), '');
        equal(p.formatSectionContent(new TextEncoder().encode('héllo')), 'héllo'); // never b'...'
        equal(
          p.formatSectionContent(v.object({ name: v.string(), age: v.number() })),
          '{"type": "object", "properties": {"name": {"type": "string"}, "age": {"type": "number"}}, "required": ["name", "age"]}',
        );
      },
    ],
    [
      'prompts: normalizeJsonResponse returns the JSON text of the inventory examples and refuses the rest with a SyntaxError',
      async () => {
        const fence = '```';
        equal(p.normalizeJsonResponse(`${fence}json\n{"a": 1}\n${fence}`), '{"a": 1}');
        equal(p.normalizeJsonResponse('Sure! Here it is: {"a": 1} hope it helps'), '{"a": 1}');
        equal(p.normalizeJsonResponse('{"a": [1,2]} and more text'), '{"a": [1,2]}');
        equal(p.normalizeJsonResponse('x [1, 2, 3] y'), '[1, 2, 3]');
        equal(p.normalizeJsonResponse('Sure! {"a": "}"} ok'), '{"a": "}"}');
        for (const [text, why] of [
          ['{"a":1}\n{"b":2}', /several JSON values/], // the original kept only {"a": 1}
          ['{"a":1} {"b":2}', /several JSON values/],
          ['{"a": 1, "b": [1,2', /truncated/],
          ['hello world', /no JSON found/],
        ]) {
          const e = thrown(() => p.normalizeJsonResponse(text));
          assert(e instanceof SyntaxError, `${text}: a SyntaxError`);
          assert(why.test(e.message), `${text}: ${e.message}`);
        }
      },
    ],
    [
      'prompts: json() and normalizeJsonResponse read answers the same way (one implementation)',
      async () => {
        const jsonl = '{"a":1}\n{"b":2}';
        const found = sdk.core.extractJson(jsonl);
        equal(found.ok, false, 'JSON Lines is not one value');
        const prose = sdk.core.extractJson('Sure! {"a": 1} ok');
        deepEqual(prose, { ok: true, value: { a: 1 }, json: '{"a": 1}' });
      },
    ],
    [
      'prompts: replaceJsonRefsWithEnum inlines the enum where the ref was, on a copy',
      async () => {
        const schema = {
          properties: {
            kind: { $ref: '#/$defs/ContentType', description: 'the kind' },
            list: { type: 'array', items: { $ref: '#/$defs/ContentType' } },
            other: { $ref: '#/$defs/Other' },
          },
          $defs: { ContentType: { enum: ['a'] } },
        };
        const before = JSON.stringify(schema);
        const enumDef = { type: 'string', enum: ['text', 'image'] };
        const out = p.replaceJsonRefsWithEnum(schema, enumDef);
        deepEqual(out.properties, {
          kind: { description: 'the kind', type: 'string', enum: ['text', 'image'] },
          list: { type: 'array', items: { type: 'string', enum: ['text', 'image'] } },
          other: { $ref: '#/$defs/Other' },
        });
        equal(JSON.stringify(schema), before, 'the schema passed in is unchanged');
        deepEqual(p.replaceJsonRefsWithEnum(schema, enumDef, '#/$defs/Other').properties.other, {
          type: 'string',
          enum: ['text', 'image'],
        });
      },
    ],
    [
      'prompts: the llama3 token template as the original (system, JSON marker, messages)',
      async () => {
        const fence = '```';
        equal(
          p.formatModelPrompt(`Give JSON${fence}json`, { model: 'llama3', system: 'Be nice' }),
          '<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nBe nice<|eot_id|>' +
            '<|start_header_id|>user<|end_header_id|>\n\nGive JSON<|eot_id|>' +
            `<|start_header_id|>assistant<|end_header_id|>\n\n${fence}json\n`,
        );
        equal(
          p.formatPromptLlama3([
            { role: 'User', content: 'Hi' },
            { role: 'assistant', content: 'Yo' },
            { content: 'More' },
          ]),
          '<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>' +
            '<|start_header_id|>assistant<|end_header_id|>\n\nYo<|eot_id|>' +
            '<|start_header_id|>user<|end_header_id|>\n\nMore<|eot_id|>' +
            '<|start_header_id|>assistant<|end_header_id|>\n\n',
        );
        deepEqual(Object.keys(p.TokenType), [
          'BEGIN_OF_TEXT',
          'END_OF_TEXT',
          'START_HEADER',
          'END_HEADER',
          'JSON_MARKER',
        ]);
        equal(p.TOKEN_MAPPING.llama3.END_OF_TEXT, '<|eot_id|>');
        const e = thrown(() => p.formatModelPrompt('hi', { model: 'mistral' }));
        assert(sdk.core.isLLMError(e) && e.name === 'InvalidRequestError', 'a typed error');
        assert(/`model` "mistral".*llama3/.test(e.message), e.message);
      },
    ],
  ];
}
