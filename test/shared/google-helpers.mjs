// Shared by the GoogleModel case files (cases-google*.mjs): schemas and a tool the cases send, and a
// harness that opens emulator scenarios (test/emulator/gemini.mjs) and builds Gemini / Vertex models.
import { named, personJsonSchema as base, personSchema, weatherTool } from './fixtures.mjs';

export { named, personSchema, weatherTool };
/** With a `$schema` member, which the adapter must strip before sending. */
export const personJsonSchema = { $schema: 'http://json-schema.org/draft-07/schema#', ...base };

// One counter for every case file, so scenario ids stay unique across them as they were in one file.
let n = 0;

/**
 * The emulator scenario helpers and model factories for one runtime.
 * @param {{ sdk: any, emulatorUrl: string, runtime: string }} env
 */
export function googleHarness({ sdk, emulatorUrl, runtime }) {
  const { GoogleModel } = sdk.google;
  const control = (/** @type {string} */ id, /** @type {object} */ cfg) =>
    fetch(`${emulatorUrl}/_control/${id}`, { method: 'POST', body: JSON.stringify(cfg) });
  const scenario = async (/** @type {object} */ cfg = {}) => {
    const id = `goog-${runtime}-${Date.now().toString(36)}-${++n}`;
    await control(id, cfg);
    return {
      id,
      endpoint: `${emulatorUrl}/s/${id}`,
      /** @returns {Promise<any[]>} */
      requests: async () => (await (await fetch(`${emulatorUrl}/_control/${id}`)).json()).requests,
    };
  };
  const gemini = (/** @type {string} */ endpoint, /** @type {object} */ extra = {}) =>
    new GoogleModel({
      endpoint,
      model: 'gemini-2.5-flash',
      apiKey: 'test-key',
      cache: false,
      retryDelay: 1,
      ...extra,
    });
  const vertex = (/** @type {string} */ endpoint, /** @type {object} */ extra = {}) =>
    gemini(endpoint, { vertex: true, projectId: 'proj-1', location: 'europe-west4', ...extra });
  return { GoogleModel, control, scenario, gemini, vertex };
}
