// json: parsed JSON in `data` (the server's JSON mode, or JSON read out of the text).
//   node json.mjs
import { OpenAIModel } from 'alea-llm-client/openai';

const { OPENAI_BASE_URL: endpoint, OPENAI_API_KEY: apiKey } = process.env;
const model = new OpenAIModel({ model: 'gpt-4o-mini', ...(endpoint && { endpoint, apiKey }) });

const r = await model.json('Return a JSON object describing Oslo: keys "city" and "country".');
console.log('data:', JSON.stringify(r.data));
console.log('keys:', Object.keys(r.data).join(', '));
