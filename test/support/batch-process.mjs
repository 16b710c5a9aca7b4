// One step of a batch job in a process of its own, against the built package (dist/), so that the
// job record has to travel through the fs store: `submit` prints the job, `results` its results.
//   node batch-process.mjs submit|results <endpoint> <cacheDir> <jobId or JSON prompts>
import { OpenAIModel } from '../../dist/providers/openai/index.js';
import { fsStore } from '../../dist/cache/fs/index.js';

const [step, endpoint, dir, arg] = process.argv.slice(2);
const model = new OpenAIModel({
  model: 'gpt-4o-mini',
  endpoint,
  apiKey: 'sk-process',
  cache: fsStore({ dir }),
});
if (step === 'submit') {
  const prompts = JSON.parse(arg);
  const job = await model.batch.submit(prompts.map((input, i) => ({ id: `q${i}`, input })));
  console.log(JSON.stringify(job));
} else {
  const results = [];
  for await (const r of model.batch.results(arg, { pollInterval: 1 })) {
    results.push({
      id: r.id,
      text: r.response?.text,
      cached: r.response?.cached,
      error: r.error?.message,
    });
  }
  console.log(JSON.stringify(results));
}
