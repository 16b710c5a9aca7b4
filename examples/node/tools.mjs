// tools: the model asks for a tool, we run it and send the result back, until it answers.
//   node tools.mjs
import * as v from 'valibot';
import { OpenAIModel } from 'alea-llm-client/openai';

const { OPENAI_BASE_URL: endpoint, OPENAI_API_KEY: apiKey } = process.env;
const model = new OpenAIModel({ model: 'gpt-4o-mini', ...(endpoint && { endpoint, apiKey }) });

const weather = { Oslo: '4°C, light rain', Lisbon: '19°C, sunny' };
const tools = [
  {
    name: 'get_weather',
    description: 'The current weather in a city',
    parameters: v.object({ city: v.string() }),
    run: ({ city }) => weather[city] ?? 'unknown',
  },
];

let messages = [{ role: 'user', content: 'What is the weather in Oslo? Answer in one sentence.' }];
for (let round = 1; round <= 5; round++) {
  const r = await model.chat(messages, { tools });
  if (!r.toolCalls) {
    console.log(`answer (round ${round}): ${r.text}`);
    break;
  }
  const results = r.toolCalls.map((call) => {
    const output = tools.find((t) => t.name === call.name)?.run(call.arguments) ?? 'no such tool';
    console.log(`tool: ${call.name}(${JSON.stringify(call.arguments)}) -> ${output}`);
    return { role: 'tool', toolCallId: call.id, content: output };
  });
  messages = [...r.messages, ...results];
}
