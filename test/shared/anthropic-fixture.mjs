// Shared by the AnthropicModel emulator cases (cases-anthropic.mjs, cases-anthropic-output.mjs):
// scenario set-up and a model factory pointed at a scenario.

// One counter for both files: scenario ids are runtime + time + counter, and two files counting
// separately could mint the same id within one millisecond.
let n = 0;

/**
 * @param {{ sdk: any, emulatorUrl: string, runtime: string }} env
 */
export function anthropicFixture({ sdk, emulatorUrl, runtime }) {
  const { AnthropicModel } = sdk.anthropic;
  const scenario = async (/** @type {object} */ cfg = {}) => {
    const id = `anth-${runtime}-${Date.now().toString(36)}-${++n}`;
    await fetch(`${emulatorUrl}/_control/${id}`, { method: 'POST', body: JSON.stringify(cfg) });
    return {
      id,
      endpoint: `${emulatorUrl}/s/${id}`,
      requests: async () => (await (await fetch(`${emulatorUrl}/_control/${id}`)).json()).requests,
    };
  };
  const model = (/** @type {string} */ endpoint, /** @type {object} */ extra = {}) =>
    new AnthropicModel({
      endpoint,
      apiKey: 'test-key',
      cache: false,
      retryDelay: 1,
      dangerouslyAllowBrowser: true,
      ...extra,
    });
  return { scenario, model };
}
