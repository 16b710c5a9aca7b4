// core/wire-misfit.ts and its two checks: the dependency-free wire check (issue 14 replaced the
// valibot schemas of the chat answers with it). readWire throws at once (batch chunks, on-demand
// parsers); checkWire, the call path's, loads the error's class only for a body that misfits.
// Nested shapes, `?` members, arrays of shapes, and an InvalidResponseError (the same class from
// either) that names the first member that does not fit.
import { describe, expect, it } from 'vitest';
import { checkWire } from '../src/core/check-wire.ts';
import { InvalidResponseError } from '../src/core/errors/invalid-response-error.ts';
import { readWire } from '../src/core/read-wire.ts';
import type { WireShape } from '../src/core/wire-misfit.ts';

const SHAPE: WireShape = {
  'id?': 'string',
  choices: [{ message: { 'content?': 'string', 'tool_calls?': [{ id: 'string' }] } }],
  'usage?': { 'prompt_tokens?': 'number' },
};
const url = 'https://api.openai.com/v1/chat/completions';
const checks = {
  readWire: async (body: unknown, shape: WireShape) => readWire(body, shape, 'openai', url),
  checkWire: (body: unknown, shape: WireShape) => checkWire(body, shape, 'openai', url),
};

describe.each(Object.entries(checks))('%s', (_name, check) => {
  const problem = async (body: unknown) => {
    try {
      await check(body, SHAPE);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as InvalidResponseError).message).toContain(url);
      return (error as Error).message;
    }
    return undefined;
  };

  it('accepts what fits, nulls and absent `?` members and unknown members included', async () => {
    const body = {
      id: null,
      extra: { anything: 1 },
      choices: [{ message: { content: 'hi', refusal: null } }, { message: { tool_calls: [] } }],
      usage: { completion_tokens: 3 },
    };
    expect(await check(body, SHAPE)).toBe(body);
    expect(await problem({ choices: [] })).toBeUndefined();
  });

  it('names the first nested member that does not fit', async () => {
    expect(await problem({ id: 'x' })).toMatch(/choices: missing/);
    expect(await problem({ choices: {} })).toMatch(/choices: expected array, got object/);
    expect(await problem({ choices: [{ message: 'hi' }] })).toMatch(
      /choices\.0\.message: expected object/,
    );
    expect(await problem({ choices: [{ message: { content: 3 } }] })).toMatch(
      /choices\.0\.message\.content: expected string, got number/,
    );
    expect(await problem({ choices: [{ message: { tool_calls: [{ id: 'a' }, {}] } }] })).toMatch(
      /choices\.0\.message\.tool_calls\.1\.id: missing/,
    );
    expect(await problem({ choices: [], usage: { prompt_tokens: '1' } })).toMatch(
      /usage\.prompt_tokens: expected number, got string/,
    );
    expect(await problem([])).toMatch(/not an object/);
    expect(await problem(null)).toMatch(/not an object/);
  });
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
