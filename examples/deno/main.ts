// A Deno script: one question, answered once, then from the filesystem cache (~/.alea/cache).
//   deno task start "your question"
import { OpenAIModel } from 'alea-llm-client/openai';

// OPENAI_API_KEY talks to OpenAI; with OPENAI_BASE_URL the key goes to that server instead.
const endpoint = Deno.env.get('OPENAI_BASE_URL');
const model = new OpenAIModel({
  model: 'gpt-4o-mini',
  ...(endpoint && { endpoint, apiKey: Deno.env.get('OPENAI_API_KEY') }),
});

const question = Deno.args[0] ?? 'What is the capital of Norway?';
const r = await model.chat(question, { maxTokens: 100 });
console.log(`answer: ${r.text}`);
const again = await model.chat(question, { maxTokens: 100 });
console.log(`again: cached=${again.cached}`);
