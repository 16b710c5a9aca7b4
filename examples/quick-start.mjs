// The quick start: chat, JSON, a schema-validated object, a cache hit and a typed error.
// With OPENAI_API_KEY set it talks to OpenAI; without it, it starts the project's loopback provider
// emulator (test/emulator) and talks to that instead, and says so.
//
//   npm start            (builds, then runs this file)
import * as v from 'valibot';
import { isLLMError } from 'alea-llm-client';
import { memoryStore } from 'alea-llm-client/cache';
import { OpenAIModel } from 'alea-llm-client/openai';

const live = Boolean(process.env.OPENAI_API_KEY);
let emulator;
if (!live) {
  const { startEmulator } = await import('../test/emulator/server.mjs');
  emulator = await startEmulator();
  console.log(`No OPENAI_API_KEY set: using the loopback provider emulator at ${emulator.url}.\n`);
}

const model = new OpenAIModel({
  model: 'gpt-4o-mini',
  // Live: the default endpoint and OPENAI_API_KEY. Emulated: a local endpoint and a dummy key.
  ...(live ? {} : { endpoint: emulator.url, apiKey: 'sk-emulator' }),
  cache: memoryStore(),
});

try {
  const answer = await model.chat('Name three primary colours.', { system: 'Be brief.' });
  console.log('chat:', answer.text);
  console.log(
    '  usage:',
    answer.usage.inputTokens,
    'in /',
    answer.usage.outputTokens,
    'out; cost $',
    answer.cost,
  );

  const again = await model.chat('Name three primary colours.', { system: 'Be brief.' });
  console.log('same call again, cached:', again.cached);

  const json = await model.json('Give me a JSON object with keys "name" and "age" for Alice, 30.');
  console.log('json:', json.data);

  const Person = v.object({ name: v.string(), age: v.number() });
  const person = await model.object('Alice is 30 years old.', { schema: Person });
  console.log('object:', person.data, '(validated by valibot)');

  await model.chat('hi', { maxTokens: -1 });
} catch (error) {
  if (!isLLMError(error)) throw error;
  console.log(`typed error: ${error.name}: ${error.message}`);
} finally {
  await emulator?.close();
}
