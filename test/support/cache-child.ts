// A separate Node process for the cache tests: makes one chat call and prints the result as JSON.
// Bundled from src by test/support/build-cache-child.ts (Node 20 cannot run .ts). argv[2] is JSON:
// { endpoint, prompt, store: 'default' | 'unstorage', redisUrl?, base?, calls?, noOnWarning? }:
// `calls` repeats the call with the prompt numbered; `noOnWarning` leaves the model's hook unset.
import { OpenAIModel } from '../../src/providers/openai/index.ts';
import { unstorageStore } from '../../src/cache/unstorage/index.ts';
import { createStorage } from 'unstorage';
import redisDriver from 'unstorage/drivers/redis';

const args = JSON.parse(process.argv[2] ?? '{}');
const warnings: string[] = [];
const storage =
  args.store === 'unstorage'
    ? createStorage({ driver: redisDriver({ url: args.redisUrl }) })
    : undefined;
const model = new OpenAIModel({
  endpoint: args.endpoint,
  apiKey: 'sk-child-process',
  ...(args.noOnWarning ? {} : { onWarning: (m: string) => warnings.push(m) }),
  ...(storage ? { cache: unstorageStore(storage, { base: args.base }) } : {}),
});
let result = await model.chat(args.prompt);
for (let i = 1; i < (args.calls ?? 1); i++) result = await model.chat(`${args.prompt} ${i}`);
await storage?.dispose();
process.stdout.write(JSON.stringify({ text: result.text, cached: result.cached, warnings }));
