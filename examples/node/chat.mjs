// chat: one question, the answer, its usage and cost, and the same call again from the cache.
//   node chat.mjs
import { OpenAIModel } from 'alea-llm-client/openai';

// OPENAI_API_KEY talks to OpenAI. With OPENAI_BASE_URL (any OpenAI-compatible server, or the
// project's emulator) the key is sent there instead.
const { OPENAI_BASE_URL: endpoint, OPENAI_API_KEY: apiKey } = process.env;
const model = new OpenAIModel({ model: 'gpt-4o-mini', ...(endpoint && { endpoint, apiKey }) });

const question = 'Name three primary colours.';
const r = await model.chat(question, { system: 'Be brief.', maxTokens: 100 });
console.log(`answer: ${r.text}`);
console.log(`tokens: ${r.usage.inputTokens} in, ${r.usage.outputTokens} out; cost $${r.cost}`);
const again = await model.chat(question, { system: 'Be brief.', maxTokens: 100 });
console.log(`again: cached=${again.cached}, same answer=${again.text === r.text}`);
