// A Bun script: one question, answered once, then from the filesystem cache (~/.alea/cache).
//   bun main.ts "your question"
import { OpenAIModel } from 'alea-llm-client/openai';

// OPENAI_API_KEY talks to OpenAI; with OPENAI_BASE_URL the key goes to that server instead.
const { OPENAI_BASE_URL: endpoint, OPENAI_API_KEY: apiKey } = Bun.env;
const model = new OpenAIModel({ model: 'gpt-4o-mini', ...(endpoint && { endpoint, apiKey }) });

const question = Bun.argv[2] ?? 'What is the capital of Portugal?';
const r = await model.chat(question, { maxTokens: 100 });
console.log(`answer: ${r.text}`);
const again = await model.chat(question, { maxTokens: 100 });
console.log(`again: cached=${again.cached}`);
