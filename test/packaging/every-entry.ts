// A TypeScript consumer of every entry point of the INSTALLED package, typechecked by
// test/packaging.node.test.ts with moduleResolution bundler, node16 and nodenext (skipLibCheck off,
// so every shipped .d.ts is checked too). It is compiled, never run.
import {
  InvalidRequestError,
  isLLMError,
  type ModelResponse,
  type StandardSchemaV1,
} from 'alea-llm-client';
import { AnthropicModel } from 'alea-llm-client/anthropic';
import { defaultStore, listCacheKeys, memoryStore, type CacheStore } from 'alea-llm-client/cache';
import { fsStore } from 'alea-llm-client/cache/fs';
import { indexedDBStore } from 'alea-llm-client/cache/indexeddb';
import { kvStore, type KVNamespaceLike } from 'alea-llm-client/cache/kv';
import { unstorageStore } from 'alea-llm-client/cache/unstorage';
import { GoogleModel, serviceAccountKeyResolver } from 'alea-llm-client/google';
import { OpenAIModel } from 'alea-llm-client/openai';
import { OpenAICompatibleModel } from 'alea-llm-client/openai-compatible';
import { formatInstructions, formatPrompt, normalizeJsonResponse } from 'alea-llm-client/prompts';
import { computeCost, filterModels, getModelDetails } from 'alea-llm-client/registry';
import { VLLMModel } from 'alea-llm-client/vllm';
import { GrokModel } from 'alea-llm-client/xai';

declare const kv: KVNamespaceLike;
// A Standard Schema of its own (valibot's large .d.ts would dominate the check time).
declare const Person: StandardSchemaV1<unknown, { name: string; age: number }>;
const stores: CacheStore[] = [
  defaultStore(),
  memoryStore({ maxEntries: 10 }),
  fsStore({ dir: '.cache' }),
  indexedDBStore({ dbName: 'app' }),
  kvStore(kv),
  unstorageStore({
    getItemRaw: async () => null,
    setItemRaw: async () => {},
    removeItem: async () => {},
    getKeys: async () => [],
  } as never),
];

export async function everyEntry(): Promise<string> {
  const openai = new OpenAIModel({ model: 'gpt-4o-mini', cache: stores[1] });
  const models = [
    openai,
    new AnthropicModel(),
    new GoogleModel({ keyResolver: serviceAccountKeyResolver('{}') }),
    new GrokModel(),
    new VLLMModel({ endpoint: 'http://localhost:8000' }),
    new OpenAICompatibleModel({ endpoint: 'http://localhost:11434/v1', model: 'llama3.2' }),
  ];
  const r: ModelResponse = await openai.chat('hi', { maxTokens: 5 });
  const person = await models[1]!.object('Alice is 30', { schema: Person, jsonSchema: {} });
  const age: number = person.data.age;
  const prompt = formatPrompt({ instructions: formatInstructions(['Be terse']) });
  const json: unknown = JSON.parse(normalizeJsonResponse('{"a": 1}'));
  const cheap: string[] = filterModels({ capabilities: ['tools'], maxInputPrice: 1 });
  const cost: number | undefined = computeCost(getModelDetails('gpt-4o')!, r.usage);
  try {
    await listCacheKeys(stores[0]!);
  } catch (e) {
    if (e instanceof InvalidRequestError || isLLMError(e)) return e.message;
  }
  return `${r.text} ${age} ${prompt} ${String(json)} ${cheap.length} ${cost ?? 0}`;
}
