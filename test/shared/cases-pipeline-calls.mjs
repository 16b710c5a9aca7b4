// Promises of the call pipeline that hold for every provider: headers merge case-insensitively (a
// caller's header replaces the SDK's own, never joins it).
import { equal } from './assert.mjs';
import { scenario } from './emulator-client.mjs';

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function pipelineCallCases({ sdk, emulatorUrl }) {
  return [
    [
      "a caller's headers replace the SDK's of the same name, in any case, for every provider",
      async () => {
        const s = await scenario(emulatorUrl);
        const common = { endpoint: s.endpoint, apiKey: 'sdk-key', cache: false };
        const callHeaders = {
          'X-Trace': 'call',
          'CONTENT-TYPE': 'application/json; charset=utf-8',
        };
        await new sdk.openai.OpenAIModel({
          ...common,
          headers: { Authorization: 'Bearer yours', 'x-trace': 'model' },
        }).chat('hi', { headers: callHeaders });
        await new sdk.anthropic.AnthropicModel({
          ...common,
          dangerouslyAllowBrowser: true,
          headers: { 'X-Api-Key': 'yours', 'Anthropic-Version': '2023-06-01' },
        }).chat('hi', { headers: callHeaders });
        await new sdk.google.GoogleModel({
          ...common,
          model: 'gemini-2.5-flash',
          headers: { 'X-Goog-Api-Key': 'yours' },
        }).chat('hi', { headers: callHeaders });
        const [openai, anthropic, google] = (await s.requests()).map((r) => r.headers);
        equal(openai?.authorization, 'Bearer yours', 'OpenAI Authorization replaced');
        equal(anthropic?.['x-api-key'], 'yours', 'Anthropic x-api-key replaced');
        equal(anthropic?.['anthropic-version'], '2023-06-01', 'anthropic-version replaced');
        equal(google?.['x-goog-api-key'], 'yours', 'Gemini x-goog-api-key replaced');
        for (const h of [openai, anthropic, google]) {
          equal(h?.['x-trace'], 'call', 'the call wins over the model');
          equal(h?.['content-type'], 'application/json; charset=utf-8', 'one content-type');
        }
      },
    ],
  ];
}
