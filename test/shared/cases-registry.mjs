// The registry decides how requests are built: token-limit parameter, temperature, capability checks
// before any request, and the cost of a result.
import { assert, equal, rejects } from './assert.mjs';
import { scenario } from './emulator-client.mjs';

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function registryCases({ sdk, emulatorUrl }) {
  // dangerouslyAllowBrowser: the Anthropic emulator, like the API, refuses browser calls without it.
  const make = (Model, endpoint, model) =>
    new Model({
      model,
      endpoint,
      apiKey: 'sk-test',
      cache: false,
      retryDelay: 10,
      dangerouslyAllowBrowser: true,
    });

  return [
    [
      'registry: gpt-5 and o3-mini get max_completion_tokens and no temperature; gpt-4o-mini keeps both',
      async () => {
        const s = await scenario(emulatorUrl);
        for (const id of ['gpt-5', 'o3-mini', 'gpt-4o-mini']) {
          await make(sdk.openai.OpenAIModel, s.endpoint, id).chat('hi', {
            maxTokens: 64,
            temperature: 0.4,
          });
        }
        const [gpt5, o3, mini] = await s.requests();
        for (const [req, id] of [
          [gpt5, 'gpt-5'],
          [o3, 'o3-mini'],
        ]) {
          equal(req.body.max_completion_tokens, 64, `${id} max_completion_tokens`);
          equal(req.body.temperature, undefined, `${id} temperature`);
          equal(req.body.max_tokens, undefined, `${id} max_tokens`);
        }
        equal(mini.body.max_tokens, 64, 'gpt-4o-mini max_tokens');
        equal(mini.body.temperature, 0.4, 'gpt-4o-mini temperature');
      },
    ],
    [
      'registry: missing capabilities fail before the network',
      async () => {
        const s = await scenario(emulatorUrl);
        const instruct = make(sdk.openai.OpenAIModel, s.endpoint, 'gpt-3.5-turbo-instruct');
        const tools = [{ name: 'f', parameters: { type: 'object', properties: {} } }];
        const noSchema = await rejects(
          instruct.object('x', {
            schema: { '~standard': { version: 1, vendor: 'x', validate: (v) => ({ value: v }) } },
            jsonSchema: { type: 'object' },
          }),
        );
        assert(
          noSchema instanceof sdk.core.UnsupportedFeatureError,
          `structured output: ${noSchema?.name}`,
        );
        const noTools = await rejects(instruct.chat('x', { tools }));
        assert(noTools instanceof sdk.core.UnsupportedFeatureError, `tools: ${noTools?.name}`);
        const image = [
          { role: 'user', content: [{ type: 'image', url: 'https://example.com/a.png' }] },
        ];
        const noVision = await rejects(
          make(sdk.xai.GrokModel, s.endpoint, 'grok-2-mini').chat(image),
        );
        assert(noVision instanceof sdk.core.UnsupportedFeatureError, `vision: ${noVision?.name}`);
        assert(noVision.message.includes('grok-2-mini'), 'names the model');
        equal((await s.requests()).length, 0, 'nothing sent');
      },
    ],
    [
      'registry: thinking on a model without it fails before the network (Anthropic, Google)',
      async () => {
        const s = await scenario(emulatorUrl);
        const thinking = { type: 'enabled', budgetTokens: 2048 };
        const claude = make(sdk.anthropic.AnthropicModel, s.endpoint, 'claude-3-haiku-20240307');
        const noClaude = await rejects(claude.chat('hi', { thinking }));
        assert(
          noClaude instanceof sdk.core.UnsupportedFeatureError,
          `anthropic: ${noClaude?.name}`,
        );
        const gemini = make(sdk.google.GoogleModel, s.endpoint, 'gemini-2.0-flash');
        const noGemini = await rejects(gemini.chat('hi', { thinking }));
        assert(noGemini instanceof sdk.core.UnsupportedFeatureError, `google: ${noGemini?.name}`);
        assert(noGemini.message.includes('gemini-2.0-flash'), 'names the model');
        equal((await s.requests()).length, 0, 'nothing sent');
      },
    ],
    [
      'registry: Anthropic max_tokens defaults to the model maximum from the registry',
      async () => {
        const s = await scenario(emulatorUrl);
        await make(sdk.anthropic.AnthropicModel, s.endpoint, 'claude-3-haiku-20240307').chat('hi');
        await make(sdk.anthropic.AnthropicModel, s.endpoint, 'claude-sonnet-4-6').chat('hi');
        const [haiku, sonnet] = await s.requests();
        equal(haiku.body.max_tokens, 4096, 'claude-3-haiku');
        equal(sonnet.body.max_tokens, 64000, 'claude-sonnet-4-6');
      },
    ],
    [
      "registry: a user's own registry drives requests and prices (a vLLM model)",
      async () => {
        const s = await scenario(emulatorUrl, { requireAuth: false });
        const registry = sdk.registry.createRegistry({
          models: [
            {
              id: 'my-llama',
              provider: 'vllm',
              contextWindow: 8192,
              maxOutputTokens: 1024,
              capabilities: { tools: false },
              pricing: { input: 1, output: 2 },
            },
          ],
        });
        const m = new sdk.vllm.VLLMModel({
          model: 'my-llama',
          endpoint: s.endpoint,
          cache: false,
          registry,
        });
        const r = await m.chat('price me');
        const expected = (r.usage.inputTokens * 1 + r.usage.outputTokens * 2) / 1e6;
        assert(Math.abs(r.cost - expected) < 1e-12, `cost ${r.cost} vs ${expected}`);
        const tools = [{ name: 'f', parameters: { type: 'object', properties: {} } }];
        const error = await rejects(m.chat('x', { tools }));
        assert(error instanceof sdk.core.UnsupportedFeatureError, `tools: ${error?.name}`);
        equal((await s.requests()).length, 1, 'only the first call was sent');
      },
    ],
    [
      'registry: unknown models are allowed with safe defaults and no cost',
      async () => {
        const s = await scenario(emulatorUrl);
        const r = await make(sdk.openai.OpenAIModel, s.endpoint, 'gpt-4o-mini').chat('cost please');
        assert(typeof r.cost === 'number' && r.cost > 0, `cost ${r.cost}`);
        const unknown = await make(sdk.openai.OpenAIModel, s.endpoint, 'my-finetune').chat('hi', {
          temperature: 0.2,
        });
        equal(unknown.cost, undefined, 'no price, no cost');
        equal((await s.requests())[1].body.temperature, 0.2, 'temperature kept for unknown models');
      },
    ],
  ];
}
