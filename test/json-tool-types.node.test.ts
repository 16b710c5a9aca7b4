// Types of json() and object() with tools (checked by `npm run typecheck`, which type-checks tests):
// without tools `data` is the value; with tools the result may be a ToolCallResponse, whose `data`
// is undefined, and `if (r.toolCalls)` tells the two apart. The runtime behaviour is tested in
// test/shared/cases-pipeline-calls.mjs.
import * as v from 'valibot';
import { expectTypeOf, it } from 'vitest';
import type { JSONModelResponse, ToolCall, ToolCallResponse } from '../src/index.ts';
import type { OpenAIModel } from '../src/providers/openai/index.ts';

const tools = [{ name: 'get_weather', parameters: { type: 'object' } }];
const Person = v.object({ name: v.string() });

async function usage(m: OpenAIModel) {
  const plain = await m.json<{ a: number }>('x');
  expectTypeOf(plain.data).toEqualTypeOf<{ a: number }>();
  expectTypeOf(plain).toEqualTypeOf<JSONModelResponse<{ a: number }>>();

  const withTools = await m.json<{ a: number }>('x', { tools });
  expectTypeOf(withTools.data).toEqualTypeOf<{ a: number } | undefined>();
  // @ts-expect-error `data` may be missing when tools were offered
  void withTools.data.a;
  if (withTools.toolCalls) {
    expectTypeOf(withTools).toEqualTypeOf<ToolCallResponse>();
    expectTypeOf(withTools.toolCalls).toEqualTypeOf<ToolCall[]>();
  } else {
    expectTypeOf(withTools.data).toEqualTypeOf<{ a: number }>();
  }

  const person = await m.object('x', { schema: Person });
  expectTypeOf(person.data).toEqualTypeOf<{ name: string }>();
  const personOrCalls = await m.object('x', { schema: Person, tools });
  expectTypeOf(personOrCalls).toEqualTypeOf<
    JSONModelResponse<{ name: string }> | ToolCallResponse
  >();
}

it('json() and object() type `data` as possibly missing exactly when tools are passed', () => {
  expectTypeOf(usage).toBeFunction();
});
