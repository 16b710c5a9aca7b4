// registry: which models fit a job, and what they cost (no network, no key).
//   node registry.mjs
import { compareModels, filterModels, getModelDetails } from 'alea-llm-client/registry';

const fit = filterModels({
  capabilities: ['tools', 'vision', 'structuredOutput'],
  minContext: 200_000,
  maxInputPrice: 1,
});
console.log(
  `${fit.length} models with tools, vision and structured output, 200k+ context, <= $1/M in:`,
);
for (const id of fit) {
  const m = getModelDetails(id);
  console.log(
    `  ${id} (${m.provider}): ${m.contextWindow} tokens, $${m.pricing.input}/M in, $${m.pricing.output}/M out`,
  );
}
const table = compareModels(['gpt-4o-mini', 'claude-haiku-4-5', 'gemini-2.5-flash']);
for (const [id, c] of Object.entries(table))
  console.log(
    `compare: ${id}: ${c.provider}, ${c.contextWindow} context, ${c.maxOutputTokens} max output`,
  );
