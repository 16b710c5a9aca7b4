// Deno without --allow-sys (issue 9 item 21), a run of its own (package.json "test:deno-no-sys"):
// the default store cannot find the home folder (and may not read ALEA_CACHE_DIR), so every call
// runs uncached. With no onWarning that must still be visible: one console.warn per store and kind
// that names the Deno flag and the alternatives, not one per call, and none with onWarning set.
// Permissions: --allow-net=127.0.0.1 --allow-env=EMULATOR_URL --allow-read=dist,node_modules.
import { scenario, uniquePrompt } from '../shared/emulator-client.mjs';

const dist = (p: string) => import(new URL(`../../dist/${p}`, import.meta.url).href);
const { OpenAIModel } = await dist('providers/openai/index.js');
const emulatorUrl = Deno.env.get('EMULATOR_URL');
if (!emulatorUrl) throw new Error('EMULATOR_URL is not set: run through scripts/with-peers.mjs');

Deno.test(
  'deno without --allow-sys: calls succeed uncached, and the cache says once how to fix it',
  async () => {
    const sc = await scenario(emulatorUrl);
    const printed: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void printed.push(args.map(String).join(' '));
    try {
      const model = new OpenAIModel({ endpoint: sc.endpoint, apiKey: 'sk-test' });
      const prompt = uniquePrompt('no sys');
      for (let i = 0; i < 3; i++) {
        const result = await model.chat(prompt);
        if (result.cached !== false || !result.text.startsWith('Echo: no sys')) {
          throw new Error(`call ${i}: ${JSON.stringify(result)}`);
        }
      }
      if (printed.length !== 1)
        throw new Error(`expected one warning, got ${printed.length}: ${printed}`);
      for (const part of [
        '[cache:fs] write failed',
        '--allow-sys=homedir',
        'ALEA_CACHE_DIR',
        'shown once',
      ]) {
        if (!printed[0]!.includes(part))
          throw new Error(`warning without "${part}": ${printed[0]}`);
      }
      const quiet = new OpenAIModel({
        endpoint: sc.endpoint,
        apiKey: 'sk-test',
        onWarning: () => {},
      });
      await quiet.chat(uniquePrompt('no sys, quiet'));
      if (printed.length !== 1) throw new Error(`onWarning: () => {} did not silence: ${printed}`);
      const sent = (await sc.requests()).length;
      if (sent !== 4) throw new Error(`expected 4 requests (nothing cached), got ${sent}`);
    } finally {
      console.warn = warn;
    }
  },
);
