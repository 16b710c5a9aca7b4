// object: typed, validated output from a valibot schema (the model is asked again if it fails).
//   node object.mjs
import * as v from 'valibot';
import { OpenAIModel } from 'alea-llm-client/openai';

const { OPENAI_BASE_URL: endpoint, OPENAI_API_KEY: apiKey } = process.env;
const model = new OpenAIModel({ model: 'gpt-4o-mini', ...(endpoint && { endpoint, apiKey }) });

const Person = v.object({
  name: v.string(),
  age: v.pipe(v.number(), v.integer()),
  languages: v.array(v.string()),
});
const r = await model.object('Invent a person who speaks two languages.', { schema: Person });
const person = r.data; // { name: string; age: number; languages: string[] }
console.log(`person: ${person.name}, ${person.age}, speaks ${person.languages.length} languages`);
console.log('valid:', v.is(Person, person));
