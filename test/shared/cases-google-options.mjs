// GoogleModel's README claims and public options against the loopback emulator, which refuses members
// the API does not define (test/emulator/gemini-fields.mjs) and function names Google refuses:
// content filters never cached, generationConfig precedence, image parts, toolChoice auto, tool names,
// and the minimal and medium thinking levels. Runtime-neutral: runs in all five runtimes.
import { assert, deepEqual, equal, rejects } from './assert.mjs';
import { googleHarness, named, weatherTool } from './google-helpers.mjs';

/**
 * @param {{ sdk: any, emulatorUrl: string, runtime: string }} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function googleOptionCases(env) {
  const { memoryStore } = env.sdk.cache;
  const { control, scenario, gemini } = googleHarness(env);
  return [
    [
      'google: a ContentFilterError is never cached (blocked prompt; SAFETY, BLOCKLIST, SPII); partial text is a content_filter success',
      async () => {
        const s = await scenario();
        const store = memoryStore();
        const m = gemini(s.endpoint, { cache: store });
        const blocks = [
          [{ blockReason: 'BLOCKLIST' }, 'prompt', 'BLOCKLIST'],
          [{ blockReason: 'OTHER' }, 'prompt', 'OTHER'],
          [{ finishReason: 'SAFETY' }, 'response', 'SAFETY'],
          [{ finishReason: 'BLOCKLIST' }, 'response', 'BLOCKLIST'],
          [{ finishReason: 'SPII' }, 'response', 'SPII'],
        ];
        for (const [reply, blockedBy, reason] of blocks) {
          await control(s.id, { reply });
          for (const attempt of [1, 2]) {
            const e = await rejects(m.chat('same prompt'), named('ContentFilterError'), reason);
            equal(e.blockedBy, blockedBy, `${reason} #${attempt}`);
            equal(e.reason, reason, `${reason} #${attempt}`);
          }
          equal((await s.requests()).length, 2, `${reason}: both calls were sent`);
        }
        equal((await store.keys()).length, 0, 'nothing cached');
        await control(s.id, { reply: { finishReason: 'SPII', text: 'Partial' } });
        const r = await m.chat('same prompt');
        equal(r.text, 'Partial', 'the partial text');
        equal(r.finishReason, 'content_filter', 'finishReason');
        equal(r.rawFinishReason, 'SPII', 'rawFinishReason');
      },
    ],
    [
      'google: a native generationConfig option wins over the mapped members, member by member',
      async () => {
        const s = await scenario();
        const r = await gemini(s.endpoint).chat('one two three', {
          temperature: 0.2,
          topP: 0.5,
          maxTokens: 30,
          thinking: { budgetTokens: 1024 },
          generationConfig: {
            temperature: 0.9,
            candidateCount: 2,
            thinkingConfig: { thinkingBudget: 0 },
          },
        });
        equal(r.choices.length, 2, 'candidateCount applied');
        deepEqual((await s.requests())[0].body.generationConfig, {
          maxOutputTokens: 30,
          temperature: 0.9,
          topP: 0.5,
          thinkingConfig: { thinkingBudget: 0 },
          candidateCount: 2,
        });
      },
    ],
    [
      'google: image parts become inlineData (data: URLs) or fileData (MIME type from mediaType or the extension)',
      async () => {
        const s = await scenario();
        const content = [
          { type: 'text', text: 'Compare' },
          { type: 'image', url: 'data:image/png;base64,iVBORw0KGgo=' },
          { type: 'image', url: 'https://example.com/cat.JPG?size=2' },
          { type: 'image', url: 'https://example.com/photo', mediaType: 'image/webp' },
          { type: 'image', url: 'gs://bucket/raw' },
        ];
        const r = await gemini(s.endpoint).chat([{ role: 'user', content }]);
        equal(r.text, 'Echo: Compare', 'answered');
        deepEqual((await s.requests())[0].body.contents[0].parts, [
          { text: 'Compare' },
          { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } },
          { fileData: { fileUri: 'https://example.com/cat.JPG?size=2', mimeType: 'image/jpeg' } },
          { fileData: { fileUri: 'https://example.com/photo', mimeType: 'image/webp' } },
          { fileData: { fileUri: 'gs://bucket/raw' } },
        ]);
        const bad = [{ type: 'image', url: 'data:image/png,not-base64' }];
        await rejects(
          gemini(s.endpoint).chat([{ role: 'user', content: bad }]),
          named('InvalidRequestError'),
        );
        equal((await s.requests()).length, 1, 'nothing sent for a data: URL without base64');
      },
    ],
    [
      'google: toolChoice auto → AUTO; function names Gemini refuses fail before any request',
      async () => {
        const s = await scenario();
        const m = gemini(s.endpoint);
        const r = await m.chat('x', { tools: [weatherTool], toolChoice: 'auto' });
        equal(r.toolCalls, undefined, 'AUTO: the model answered in text');
        await m.chat('y', { tools: [{ ...weatherTool, name: '_private-tool' }] });
        const reqs = await s.requests();
        deepEqual(reqs[0].body.toolConfig, { functionCallingConfig: { mode: 'AUTO' } });
        equal(reqs[1].body.tools[0].functionDeclarations[0].name, '_private-tool', 'sent');
        for (const name of ['1st_tool', '-tool', 'get weather']) {
          const e = await rejects(
            m.chat('z', { tools: [{ ...weatherTool, name }] }),
            named('InvalidRequestError'),
          );
          assert(e.message.includes(JSON.stringify(name)), e.message);
        }
        equal((await s.requests()).length, 2, 'nothing sent for a refused name');
      },
    ],
    [
      'google: minimal and medium thinking levels are sent as is to a model that has them',
      async () => {
        const s = await scenario();
        const m = gemini(s.endpoint, { model: 'gemini-3-flash-preview' });
        const results = [];
        for (const level of ['minimal', 'low', 'medium', 'high'])
          results.push(await m.chat(level, { thinking: { level } }));
        deepEqual(
          (await s.requests()).map((q) => q.body.generationConfig.thinkingConfig),
          ['MINIMAL', 'LOW', 'MEDIUM', 'HIGH'].map((thinkingLevel) => ({
            includeThoughts: true,
            thinkingLevel,
          })),
          'levels sent',
        );
        deepEqual(
          results.map((r) => r.warnings),
          [undefined, undefined, undefined, undefined],
          'no warnings',
        );
      },
    ],
  ];
}
