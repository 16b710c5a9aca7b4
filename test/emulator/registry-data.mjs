// The model registry's generated data (src/registry/data/<provider>.ts), read by the emulator so it
// knows each model's rules as the SDK's registry states them: which OpenAI models reason (no sampling
// parameters, max_completion_tokens), which serve only /v1/completions, which Gemini thinking levels
// and budgets a model takes. The files are plain literals in the generator's fixed format; Node 20
// cannot import TypeScript, so the one type annotation and the type import are cut out and the rest
// is evaluated as a module. This works wherever start-all.mjs starts the emulator (vitest, Deno, Bun
// and the worker bundle runs all start it in Node), without a build.
import { readFileSync } from 'node:fs';

// Must match FLAG_BITS in src/registry/model-row.ts (checked by test/emulator-strict.node.test.ts).
export const FLAGS = {
  tools: 1,
  vision: 2,
  structuredOutput: 4,
  reasoning: 8,
  thinking: 16,
  grammar: 32,
  temperature: 64,
  requiresMaxCompletionTokens: 128,
  exclusiveSampling: 256,
  completionsOnly: 512,
  adaptiveThinking: 1024,
  nativeStructuredOutput: 2048,
  flexTier: 4096,
  priorityTier: 8192,
};

async function loadSlice(provider) {
  const url = new URL(`../../src/registry/data/${provider}.ts`, import.meta.url);
  const source = readFileSync(url, 'utf8')
    .replace(/^import type .*$/m, '')
    .replace(/: ModelSlice =/, ' =');
  const module = await import(`data:text/javascript,${encodeURIComponent(source)}`);
  const slice = Object.values(module)[0];
  return new Map(slice.rows.map((row) => [row[0], decode(row)]));
}

function decode([id, contextWindow, maxOutputTokens, flags, , efforts, budget]) {
  const has = (name) => (flags & FLAGS[name]) !== 0;
  return {
    id,
    contextWindow,
    maxOutputTokens,
    reasoning: has('reasoning'),
    thinking: has('thinking'),
    temperature: has('temperature'),
    requiresMaxCompletionTokens: has('requiresMaxCompletionTokens'),
    exclusiveSampling: has('exclusiveSampling'),
    completionsOnly: has('completionsOnly'),
    adaptiveThinking: has('adaptiveThinking'),
    nativeStructuredOutput: has('nativeStructuredOutput'),
    flexTier: has('flexTier'),
    priorityTier: has('priorityTier'),
    efforts: efforts ? efforts.split(' ') : [],
    budget: budget ?? undefined,
  };
}

const [openai, google, xai, anthropic] = await Promise.all(
  ['openai', 'google', 'xai', 'anthropic'].map(loadSlice),
);

/** An OpenAI model as the registry knows it, or undefined. */
export const openaiModel = (id) => openai.get(id);
/** An xAI model as the registry knows it, or undefined. */
export const xaiModel = (id) => xai.get(id);
/** A Gemini model as the registry knows it, or undefined. */
export const googleModel = (id) => google.get(id);
/**
 * A Claude model as the registry knows it: the exact id, else (unless `exact`) the id without a
 * `-YYYYMMDD` date suffix, so a snapshot the registry does not list yet gets its line's rules.
 * @param {string} id
 * @param {boolean} [exact]
 */
export const anthropicModel = (id, exact = false) =>
  anthropic.get(id) ?? (exact ? undefined : anthropic.get(id.replace(/-\d{8}$/, '')));
/** Whether any provider's registry slice served on the OpenAI wire format (OpenAI, xAI) knows the id. */
export const knowsChatModel = (id) => openai.has(id) || xai.has(id);
