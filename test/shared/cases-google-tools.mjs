// GoogleModel tool cases for every runtime, against the loopback emulator: function calls round-trip
// with thought signatures, toolChoice maps to functionCallingConfig.
import { assert, deepEqual, equal, rejects } from './assert.mjs';
import { googleHarness, named, weatherTool } from './google-helpers.mjs';

/**
 * @param {{ sdk: any, emulatorUrl: string, prismGeminiUrl?: string, prismVertexUrl?: string, runtime: string }} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function googleToolCases(env) {
  const { control, scenario, gemini } = googleHarness(env);
  return [
    [
      'google: tool calls round-trip with thought signatures and functionResponse by name (Gemini 3)',
      async () => {
        const s = await scenario({
          reply: { toolCalls: [{ name: 'get_weather', args: { city: 'Paris' } }] },
        });
        const m = gemini(s.endpoint, { model: 'gemini-3-flash-preview' });
        const r1 = await m.chat('Weather in Paris?', { tools: [weatherTool] });
        equal(r1.finishReason, 'tool_calls');
        const call = r1.toolCalls[0];
        equal(call.name, 'get_weather');
        deepEqual(call.arguments, { city: 'Paris' });
        assert(typeof call.id === 'string' && call.id.length > 0, 'synthesised id');
        assert(typeof call.signature === 'string', 'signature kept');
        const [req1] = await s.requests();
        deepEqual(req1.body.tools, [
          {
            functionDeclarations: [
              {
                name: 'get_weather',
                description: weatherTool.description,
                parametersJsonSchema: weatherTool.parameters,
              },
            ],
          },
        ]);
        await control(s.id, {});
        const history = [
          ...r1.messages,
          { role: 'tool', toolCallId: call.id, content: '{"temp":21}' },
        ];
        const r2 = await m.chat(history, { tools: [weatherTool] });
        equal(r2.text, 'Echo: Result of get_weather: {"temp":21}');
        const [req2] = await s.requests();
        equal(req2.body.contents[1].parts[0].thoughtSignature, call.signature);
        deepEqual(req2.body.contents[2], {
          role: 'user',
          parts: [{ functionResponse: { name: 'get_weather', response: { temp: 21 } } }],
        });
        // A lost signature is sent as Google's documented skip value, with a warning; a signature
        // Gemini did not issue is refused, as Gemini 3 does.
        const resign = (/** @type {string | undefined} */ signature) =>
          history.map((msg) =>
            msg.role === 'assistant'
              ? {
                  ...msg,
                  toolCalls: msg.toolCalls.map((/** @type {any} */ c) => ({ ...c, signature })),
                }
              : msg,
          );
        const skipped = await m.chat(resign(undefined), { tools: [weatherTool] });
        assert(/skip_thought_signature_validator/.test(String(skipped.warnings)), 'warned');
        const sent = (await s.requests()).at(-1).body.contents[1].parts[0];
        equal(sent.thoughtSignature, 'skip/thought/signature/validator', 'skip value sent');
        const e = await rejects(
          m.chat(resign('Zm9yZWlnbg=='), { tools: [weatherTool] }),
          named('APICallError'),
        );
        assert(/Corrupted thought signature/.test(e.message), e.message);
      },
    ],
    [
      'google: a call Gemini repeats in a later answer gets another derived id; streamed ids match the answer',
      async () => {
        const s = await scenario({
          reply: { toolCalls: [{ name: 'get_weather', args: { city: 'Paris' } }] },
        });
        const m = gemini(s.endpoint);
        const r1 = await m.chat('Weather in Paris?', { tools: [weatherTool] });
        const first = r1.toolCalls[0].id;
        const history = [...r1.messages, { role: 'tool', toolCallId: first, content: '{"t":21}' }];
        const stream = m.stream(history, { tools: [weatherTool] });
        /** @type {string[]} */
        const deltaIds = [];
        for await (const e of stream) if (e.type === 'tool-call-delta') deltaIds.push(e.id);
        const r2 = await stream.response;
        const second = r2.toolCalls[0].id;
        // Gemini 2.x sends no functionCall.id: both are derived, from each answer's responseId.
        assert(first !== second, `the repeated call got the same id ${first}`);
        equal(deltaIds[0], second, 'the delta and the answer agree');
        const ids = r2.messages.flatMap((/** @type {any} */ msg) =>
          (msg.toolCalls ?? []).map((/** @type {any} */ c) => c.id),
        );
        equal(new Set(ids).size, 2, 'the conversation passed on holds unique tool call ids');
      },
    ],
    [
      'google: toolChoice maps to functionCallingConfig; unknown names fail before any request',
      async () => {
        const s = await scenario();
        const m = gemini(s.endpoint);
        const forced = await m.chat('x', {
          tools: [weatherTool],
          toolChoice: { name: 'get_weather' },
        });
        equal(forced.toolCalls?.[0]?.name, 'get_weather', 'ANY makes the emulator call the tool');
        await m.chat('y', { tools: [weatherTool], toolChoice: 'none' });
        await m.chat('z', { tools: [weatherTool], toolChoice: 'required' });
        const reqs = await s.requests();
        deepEqual(reqs[0].body.toolConfig, {
          functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['get_weather'] },
        });
        deepEqual(reqs[1].body.toolConfig, { functionCallingConfig: { mode: 'NONE' } });
        deepEqual(reqs[2].body.toolConfig, { functionCallingConfig: { mode: 'ANY' } });
        await rejects(
          m.chat('w', { tools: [weatherTool], toolChoice: { name: 'nope' } }),
          named('InvalidRequestError'),
        );
        const orphan = [
          { role: 'user', content: 'q' },
          { role: 'tool', toolCallId: 'unknown', content: '1' },
        ];
        await rejects(m.chat(orphan), named('InvalidRequestError'));
        equal((await s.requests()).length, 3);
      },
    ],
    [
      'google: tools with a JSON answer fail before sending on Gemini 2.x (Google refuses them), work on Gemini 3',
      async () => {
        const s = await scenario({});
        const old = gemini(s.endpoint, { model: 'gemini-2.5-flash' });
        const e = await rejects(
          old.json('Weather as JSON', { tools: [weatherTool] }),
          named('UnsupportedFeatureError'),
        );
        assert(/gemini-2\.5-flash.*Gemini 3/.test(e.message), e.message);
        equal((await s.requests()).length, 0);
        // With function calling off (toolChoice none) Google takes both, and so do Gemini 3 models.
        const off = await old.json('Weather as JSON', { tools: [weatherTool], toolChoice: 'none' });
        equal(typeof off.data, 'object');
        const m3 = gemini(s.endpoint, { model: 'gemini-3-flash-preview' });
        const r = await m3.json('Weather as JSON', { tools: [weatherTool] });
        equal(typeof r.data, 'object');
        const reqs = await s.requests();
        equal(reqs.length, 2);
        equal(reqs[1].body.generationConfig.responseMimeType, 'application/json');
        equal(reqs[1].body.tools[0].functionDeclarations[0].name, 'get_weather');
      },
    ],
  ];
}
