// A stream's reader (its parser loads on demand: in a browser, a chunk and a round trip of its own)
// is made while the request is in flight, not after the answer's headers arrived.
import { expect, inject, it } from 'vitest';
import { LanguageModel } from '../src/pipeline/language-model.ts';
import type { ModelOptions } from '../src/pipeline/options.ts';
import { createOpenAICompatibleAdapter } from '../src/providers/openai-compatible/openai-compatible-adapter.ts';
import { scenario, uniquePrompt } from './shared/emulator-client.mjs';

const emulatorUrl = inject('emulatorUrl');

it('a stream asks its adapter for the reader before the answer arrives, once per attempt', async () => {
  const sc = await scenario(emulatorUrl);
  const order: string[] = [];
  const base = createOpenAICompatibleAdapter({
    provider: 'openai',
    keys: { env: [], required: false },
    jsonObject: true,
    structuredOutput: 'json_schema',
  });
  const adapter = {
    ...base,
    streamReader: (...args: Parameters<NonNullable<typeof base.streamReader>>) => {
      order.push('reader');
      return base.streamReader!(...args);
    },
  };
  const fetch: typeof globalThis.fetch = async (url, init) => {
    order.push('fetch');
    const response = await globalThis.fetch(url, init);
    order.push('answered');
    return response;
  };
  class Probe extends LanguageModel {
    constructor(options: ModelOptions) {
      super(adapter, 'probe-model', sc.endpoint, options);
    }
  }
  const model = new Probe({ apiKey: 'sk-test', cache: false, fetch });
  const result = await model.stream(uniquePrompt('early reader')).response;
  expect(result.text.length).toBeGreaterThan(0);
  expect(order.indexOf('reader')).toBeGreaterThanOrEqual(0);
  expect(order.indexOf('reader')).toBeLessThan(order.indexOf('answered'));
  expect(order.filter((step) => step === 'reader')).toHaveLength(1);
});
