// cost: a small experiment over several prompts with a cost report; rerun it and it costs nothing.
//   node cost.mjs
import { OpenAIModel } from 'alea-llm-client/openai';

const { OPENAI_BASE_URL: endpoint, OPENAI_API_KEY: apiKey } = process.env;
const models = ['gpt-4o-mini', 'gpt-4.1-nano'].map(
  (id) => new OpenAIModel({ model: id, ...(endpoint && { endpoint, apiKey }) }),
);
const prompts = ['Define entropy in one line.', 'Define enthalpy in one line.'];

let total = 0;
for (const model of models) {
  let cost = 0;
  let cached = 0;
  for (const prompt of prompts) {
    const r = await model.chat(prompt, { maxTokens: 60 });
    if (r.cached) cached++;
    else cost += r.cost ?? 0; // a cached answer costs nothing again
  }
  total += cost;
  console.log(
    `${model.model.padEnd(14)} ${prompts.length} calls, ${cached} cached, $${cost.toFixed(6)}`,
  );
}
console.log(`total: $${total.toFixed(6)}`);
