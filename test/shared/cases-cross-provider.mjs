// Cross-provider conversations (issue 9 item 8): `response.messages` from one provider continue on
// another, tool-call turns and thinking included, and the conversation can come back. Every ordered
// pair of OpenAI, Anthropic (thinking on) and Google (Gemini 3, thinking on): the emulator checks
// signatures like the real services (Anthropic's are verified, Gemini refuses a signature it did not
// issue and a Gemini 3 function call without one), and the continued requests go to Steady or Prism,
// which must find no violation.
import { assert, equal } from './assert.mjs';
import { scenario } from './emulator-client.mjs';
import { weatherTool } from './fixtures.mjs';

// Google's skip value in standard base64 (see google-rich-parts.ts).
const SKIP = 'skip/thought/signature/validator';

/** Prism's verdict on a request: null when it answered 200 with no request violation. */
function prismVerdict(/** @type {Response} */ res) {
  const all = JSON.parse(res.headers.get('sl-violations') ?? '[]');
  const v = all.filter((/** @type {any} */ x) => x.location?.[0] === 'request');
  return res.status === 200 && !v.length ? null : `Prism ${res.status}: ${JSON.stringify(v)}`;
}

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function crossProviderCases({
  sdk,
  emulatorUrl,
  steadyUrl,
  prismAnthropicUrl,
  prismGeminiUrl,
}) {
  const tools = [weatherTool];
  const call = { name: 'get_weather', arguments: { city: 'Oslo' } };
  /** @type {Record<string, { make: (endpoint: string, extra?: object) => any, options: object, reply: object, peer: () => string | undefined, verdict: (res: Response) => string | null }>} */
  const providers = {
    openai: {
      make: (endpoint, extra = {}) =>
        new sdk.openai.OpenAIModel({ endpoint, apiKey: 'k', cache: false, ...extra }),
      options: { tools },
      reply: { toolCalls: [call] },
      peer: () => steadyUrl,
      verdict: (res) =>
        res.status === 200 && res.headers.get('x-steady-error-count') === '0'
          ? null
          : `Steady ${res.status}: ${res.headers.get('x-steady-errors') ?? ''}`,
    },
    anthropic: {
      make: (endpoint, extra = {}) =>
        new sdk.anthropic.AnthropicModel({
          endpoint,
          apiKey: 'k',
          cache: false,
          dangerouslyAllowBrowser: true,
          ...extra,
        }),
      options: { tools, thinking: { type: 'enabled', budgetTokens: 1024 } },
      reply: { toolCalls: [call] },
      peer: () => prismAnthropicUrl,
      verdict: prismVerdict,
    },
    google: {
      make: (endpoint, extra = {}) =>
        new sdk.google.GoogleModel({
          endpoint,
          apiKey: 'k',
          cache: false,
          model: 'gemini-3-flash-preview',
          ...extra,
        }),
      options: { tools, thinking: { level: 'low' } },
      reply: { toolCalls: [{ name: call.name, args: call.arguments }] },
      peer: () => prismGeminiUrl,
      verdict: prismVerdict,
    },
  };

  /** The continued request sent to the target's spec peer; throws on any violation. */
  const checkWithPeer = async (/** @type {string} */ name, /** @type {any[]} */ messages) => {
    const p = providers[name];
    const url = p.peer();
    if (!url) throw new Error(`no spec peer URL for ${name}`);
    /** @type {string[]} */
    const problems = [];
    /** @type {typeof fetch} */
    const recording = async (input, init) => {
      const res = await fetch(input, init);
      const problem = p.verdict(res);
      if (problem) problems.push(`${problem} for ${String(init?.body).slice(0, 400)}`);
      return res;
    };
    // The peers answer canned bodies: only the request matters, so the answer is not checked.
    await p
      .make(url, { fetch: recording, retryLimit: 0 })
      .chat(messages, p.options)
      .catch(() => {});
    equal(problems.length, 0, `${name} spec peer: ${problems.join('; ')}`);
  };

  /** Signatures a provider put on a conversation (thinking parts and tool calls). */
  const signaturesOf = (/** @type {any[]} */ messages) =>
    messages
      .flatMap((m) => [
        ...(m.reasoning ?? []).map((/** @type {any} */ r) => r.signature ?? r.data),
        ...(m.toolCalls ?? []).map((/** @type {any} */ c) => c.signature),
      ])
      .filter((s) => typeof s === 'string' && s !== '');

  const names = Object.keys(providers);
  return names.flatMap((from) =>
    names
      .filter((to) => to !== from)
      .map(
        (to) =>
          /** @type {[string, () => Promise<void>]} */ ([
            `cross-provider: ${from} → ${to} → ${from}, through a tool call, with thinking`,
            async () => {
              const a = providers[from];
              const b = providers[to];
              // 1. The source model calls a tool (thinking on where it has thinking).
              const s1 = await scenario(emulatorUrl, { reply: a.reply });
              const r1 = await a.make(s1.endpoint).chat('Weather in Oslo?', a.options);
              equal(r1.toolCalls?.length, 1, `${from} called the tool`);
              const own = signaturesOf(r1.messages);
              if (from !== 'openai') {
                const parts = r1.messages.at(-1).reasoning ?? [];
                assert(parts.length > 0, `${from} kept its reasoning`);
                assert(
                  parts.every((/** @type {any} */ r) => r.provider === from && r.model),
                  `reasoning parts carry provider and model: ${JSON.stringify(parts)}`,
                );
                assert(own.length > 0, `${from} signed its turn`);
              }
              // 2. Another provider runs the rest of the turn from the tool result.
              const history = [
                ...r1.messages,
                { role: 'tool', toolCallId: r1.toolCalls[0].id, content: '{"celsius":5}' },
              ];
              const s2 = await scenario(emulatorUrl);
              const r2 = await b.make(s2.endpoint).chat(history, b.options);
              assert(r2.text.length > 0, `${to} answered`);
              const [sent] = await s2.requests();
              const wire = JSON.stringify(sent.body);
              for (const sig of own)
                assert(!wire.includes(sig), `${from}'s signature not sent to ${to}`);
              if (to === 'google') {
                const callPart = sent.body.contents
                  .flatMap((/** @type {any} */ c) => c.parts)
                  .find((/** @type {any} */ p) => p.functionCall);
                equal(callPart.thoughtSignature, SKIP, 'the foreign call has the skip value');
              }
              await checkWithPeer(to, history);
              // 3. A plain turn on the target, thinking on: its own signed reasoning joins in.
              const s3 = await scenario(emulatorUrl);
              const more = [...r2.messages, { role: 'user', content: 'Thanks. Why?' }];
              const r3 = await b.make(s3.endpoint).chat(more, b.options);
              const theirs = signaturesOf(r3.messages.slice(history.length));
              if (to !== 'openai') assert(theirs.length > 0, `${to} signed its turns`);
              // 4. And back: the source's own signatures still go back to it and verify; the
              // target's never reach it.
              const back = [...r3.messages, { role: 'user', content: 'And tomorrow?' }];
              const s4 = await scenario(emulatorUrl);
              const r4 = await a.make(s4.endpoint).chat(back, a.options);
              assert(r4.text.length > 0, `${from} answered again`);
              const [returned] = await s4.requests();
              const again = JSON.stringify(returned.body);
              for (const sig of own)
                assert(again.includes(sig), `${from}'s own signature went back`);
              for (const sig of theirs)
                assert(!again.includes(sig), `${to}'s signature not sent to ${from}`);
              await checkWithPeer(from, back);
            },
          ]),
      ),
  );
}
