// core/read-wire.ts: the dependency-free wire check of the call path (issue 14 replaced the valibot
// schemas of the chat answers with it). Nested shapes, `?` members, arrays of shapes, and an
// InvalidResponseError that names the first member that does not fit.
import { expect, it } from 'vitest';
import { InvalidResponseError } from '../src/core/errors/invalid-response-error.ts';
import { readWire, type WireShape } from '../src/core/read-wire.ts';

const SHAPE: WireShape = {
  'id?': 'string',
  choices: [{ message: { 'content?': 'string', 'tool_calls?': [{ id: 'string' }] } }],
  'usage?': { 'prompt_tokens?': 'number' },
};
const problem = (body: unknown) => {
  try {
    readWire(body, SHAPE, 'openai', 'https://api.openai.com/v1/chat/completions');
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidResponseError);
    return (error as Error).message;
  }
  return undefined;
};

it('readWire accepts what fits, nulls and absent `?` members and unknown members included', () => {
  const body = {
    id: null,
    extra: { anything: 1 },
    choices: [{ message: { content: 'hi', refusal: null } }, { message: { tool_calls: [] } }],
    usage: { completion_tokens: 3 },
  };
  expect(readWire(body, SHAPE, 'openai', 'u')).toBe(body);
  expect(problem({ choices: [] })).toBeUndefined();
});

it('readWire names the first nested member that does not fit', () => {
  expect(problem({ id: 'x' })).toMatch(/choices: missing/);
  expect(problem({ choices: {} })).toMatch(/choices: expected array, got object/);
  expect(problem({ choices: [{ message: 'hi' }] })).toMatch(/choices\.0\.message: expected object/);
  expect(problem({ choices: [{ message: { content: 3 } }] })).toMatch(
    /choices\.0\.message\.content: expected string, got number/,
  );
  expect(problem({ choices: [{ message: { tool_calls: [{ id: 'a' }, {}] } }] })).toMatch(
    /choices\.0\.message\.tool_calls\.1\.id: missing/,
  );
  expect(problem({ choices: [], usage: { prompt_tokens: '1' } })).toMatch(
    /usage\.prompt_tokens: expected number, got string/,
  );
  expect(problem([])).toMatch(/not an object/);
  expect(problem(null)).toMatch(/not an object/);
});

it('readWire keeps the flat form of the batch adapters (`kind?` values)', () => {
  const fields = { id: 'string', 'output_file_id?': 'string', request_counts: 'object?' };
  expect(readWire({ id: 'b', request_counts: null }, fields, 'openai', 'u')).toEqual({
    id: 'b',
    request_counts: null,
  });
  expect(() => readWire({ id: 1 }, fields, 'openai', 'u')).toThrow(
    /id: expected string, got number/,
  );
});
