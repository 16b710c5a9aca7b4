#!/usr/bin/env node
// Generates the model registry data modules (src/registry/data/*.ts) from two data files:
//   - models-dev-snapshot.json: models.dev (MIT, see models-dev.LICENSE), the current models and prices;
//   - original-models.json: the Python alea-llm-client 0.2.3 registries (issue 6), for the fields models.dev
//     lacks (tier) and for older model ids that models.dev no longer lists.
// The generated files are committed, so building the package never needs ../shared.
//
// Usage: node scripts/generate-registry.mjs [--data <dir>] [--out <dir>]
//   --data  defaults to ../shared/data relative to the repository root
//   --out   defaults to src/registry/data
//
// Plain Node ESM without dependencies. The output is written in Prettier's format (.prettierrc.json), so
// `prettier --check` passes and test/registry-data.node.test.ts can compare files byte for byte.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PROVIDERS = ['openai', 'anthropic', 'google', 'xai'];
const TIERS = new Set([
  'nano',
  'mini',
  'small',
  'medium',
  'standard',
  'large',
  'pro',
  'flash',
  'heavy',
]);

// Bit positions of ModelRow flags; keep in sync with src/registry/model-row.ts.
const FLAG = {
  tools: 1,
  vision: 2,
  structuredOutput: 4,
  reasoning: 8,
  thinking: 16,
  grammar: 32,
  temperature: 64,
  requiresMaxCompletionTokens: 128,
};

/** Ids of the original that are not text chat models (audio, realtime, transcription, images). */
const NON_TEXT_ID = /audio|realtime|transcribe|tts|image|embedding/;

/**
 * Whether a models.dev entry is a text model: text out only (skips image, audio and video generation),
 * a real context window (image models have 0) and not an embedding model.
 */
function isTextModel(id, m) {
  const out = m.modalities?.output ?? [];
  if (out.length !== 1 || out[0] !== 'text') return false;
  if (!(m.limit?.context > 0)) return false;
  return !/embedding/.test(m.family ?? '') && !NON_TEXT_ID.test(id);
}

/**
 * Tier (the original's ModelTier) for models the original does not rate, or rates with a value outside
 * the enum ('preview', 'fast'). Sizes come from the name, because providers encode them there.
 */
function deriveTier(id) {
  if (/(^|-)nano(-|$)/.test(id)) return 'nano';
  if (/(^|-)mini(-|$)/.test(id)) return 'mini';
  if (/flash/.test(id)) return 'flash'; // includes flash-lite: Google's cheap, fast line
  if (/heavy|multi-agent/.test(id)) return 'heavy'; // several agents per call, like grok-4-heavy
  if (/(^|-)pro(-|$)/.test(id)) return 'pro';
  if (/haiku|^gemma/.test(id)) return 'small';
  if (/sonnet/.test(id)) return 'medium';
  if (/opus|fable/.test(id)) return 'large'; // claude-fable-5 is priced above Opus
  return 'standard';
}

/** Model id without a trailing snapshot date (gpt-5-2025-08-07, gpt-4-0613, grok-2-1212). */
function stripDate(id) {
  return id.replace(/-(\d{4}-\d{2}-\d{2}|\d{8}|\d{4})$/, '');
}

function uniq(list) {
  return [...new Set(list)];
}

/** Prices per million tokens from a models.dev cost block; 0 for a cache price means "no such price". */
function pricesOf(cost) {
  if (!cost) return undefined;
  const pos = (v) => (typeof v === 'number' && v > 0 ? v : undefined);
  const base = {
    input: typeof cost.input === 'number' ? cost.input : undefined,
    output: typeof cost.output === 'number' ? cost.output : undefined,
    cachedInput: pos(cost.cache_read),
    cacheWrite: pos(cost.cache_write),
  };
  const tier = cost.tiers?.find((t) => typeof t.tier?.size === 'number');
  if (tier) {
    // Long-context pricing: a prompt above `threshold` input tokens bills the whole request at these rates.
    base.longContext = {
      threshold: tier.tier.size,
      input: tier.input,
      output: tier.output,
      cachedInput: pos(tier.cache_read),
      cacheWrite: pos(tier.cache_write),
    };
  }
  return base;
}

/** Builds an entry from a models.dev record. */
function fromModelsDev(provider, id, m) {
  const effort = m.reasoning_options?.find((o) => o.type === 'effort');
  const budget = m.reasoning_options?.find((o) => o.type === 'budget_tokens');
  const reasoning = m.reasoning === true;
  const tools = m.tool_call === true;
  return {
    id,
    provider,
    name: m.name ?? id,
    family: m.family ?? id,
    contextWindow: m.limit.context,
    maxOutputTokens: m.limit.output,
    inputModalities: m.modalities.input,
    outputModalities: m.modalities.output,
    tools,
    vision: m.modalities.input.includes('image'),
    structuredOutput: m.structured_output,
    reasoning,
    temperature: m.temperature === true,
    efforts: effort?.values,
    budget: budget ? [budget.min ?? 0, budget.max] : undefined,
    prices: pricesOf(m.cost),
    status: m.status === 'deprecated' ? 'deprecated' : undefined,
    knowledgeCutoff: m.knowledge,
    releaseDate: m.release_date,
    platforms: ['api'],
    source: 'models.dev',
  };
}

/** Merges the original's two registries (models.json and COMPLETE_MODEL_CAPABILITIES) per model id. */
function loadOriginal(orig) {
  const byId = new Map();
  const get = (id) =>
    byId.get(id) ?? byId.set(id, { id, json: undefined, static: undefined }).get(id);
  for (const [provider, p] of Object.entries(orig.dynamic_registry_models_json.providers)) {
    for (const m of p.models) Object.assign(get(m.name), { provider, json: m });
  }
  for (const m of orig.static_registry_COMPLETE_MODEL_CAPABILITIES.models) {
    const e = get(m.model_name);
    e.provider ??= m.provider;
    e.static = m;
  }
  return byId;
}

/** The original's tier for an id, when it is a real ModelTier value. */
function originalTier(o) {
  const t = o?.static?.tier ?? o?.json?.tier;
  return TIERS.has(t) ? t : undefined;
}

/** The original's release date of a model, with its one known typo fixed. */
function originalReleaseDate(o) {
  const date = o.static?.release_date ?? o.json?.release_date ?? undefined;
  // The original writes grok-4-0709's release date as 2024-07-09; the model shipped on 2025-07-09.
  return o.id.startsWith('grok-4-0709') && date === '2024-07-09' ? '2025-07-09' : date;
}

/** Builds an entry from the original's data alone (a model models.dev no longer lists). */
function fromOriginal(o) {
  const s = o.static ?? {};
  const j = o.json ?? {};
  const flag = (name) => s[`supports_${name}`] === true || j[`supports_${name}`] === true;
  const reasoning = flag('reasoning');
  const vision = flag('vision');
  // The two copies disagree on limits (issue 6, inventory §g.1); the smaller values are the known typos
  // (gpt-4.1 at 128K, o3 at 128K, grok-2-1212 at 32K), so take the larger claim.
  const contextWindow = Math.max(s.context_window ?? 0, j.context_window ?? 0) || 4096;
  const maxOutputTokens =
    Math.max(s.max_completion_tokens ?? s.max_output_tokens ?? 0, j.max_output_tokens ?? 0) || 4096;
  const input = uniq([...(s.input_modalities ?? []), ...(j.input_modalities ?? ['text'])]);
  if (vision && !input.includes('image')) input.push('image');
  const releaseDate = originalReleaseDate(o);
  return {
    id: o.id,
    provider: o.provider,
    name: o.id,
    family: s.family ?? j.family ?? o.id,
    contextWindow,
    maxOutputTokens,
    inputModalities: input,
    outputModalities: ['text'],
    tools: flag('tools'),
    vision,
    structuredOutput: flag('structured_output'),
    reasoning,
    // OpenAI's reasoning models (o-series) reject `temperature`; the original has no temperature flag,
    // and xAI's reasoning models accept it.
    temperature: !(reasoning && o.provider === 'openai'),
    // The original's reasoning models all take OpenAI's three effort levels.
    efforts: reasoning && flag('reasoning_effort') ? ['low', 'medium', 'high'] : undefined,
    budget: undefined,
    prices: undefined,
    // models.dev lists what providers serve today; an id only the 2025 original knows is retired or
    // about to be, so it is kept for lookups of old code but marked deprecated.
    status: 'deprecated',
    knowledgeCutoff: s.knowledge_cutoff ?? undefined,
    releaseDate,
    platforms: ['api'],
    source: 'original',
  };
}

/** Finds the model an original-only id is a snapshot or alias of (gpt-5-2025-08-07 → gpt-5). */
function findBase(id, entries) {
  if (id.endsWith('-latest') && id.startsWith('claude-')) {
    // claude-3-5-sonnet-latest pointed at the newest dated snapshot of that line.
    const prefix = id.slice(0, -'latest'.length);
    const dated = [...entries.keys()]
      .filter((k) => k.startsWith(prefix) && /\d{8}$/.test(k))
      .sort();
    return dated.length ? entries.get(dated[dated.length - 1]) : undefined;
  }
  const base = stripDate(id);
  return base === id ? undefined : entries.get(base);
}

/** Completes an entry with the fields models.dev lacks, each by a documented rule. */
function finish(e, original) {
  const o = original.get(e.aliasOf ?? e.id) ?? original.get(e.id);
  e.tier = originalTier(original.get(e.id)) ?? originalTier(o) ?? deriveTier(e.id);
  // Preview and experimental ids are named so by every provider; deprecation comes from the data.
  e.status ??= /preview|-exp\b/.test(e.id) ? 'preview' : 'active';
  // Extended thinking (Anthropic) and thinkingConfig (Google) expose the reasoning as a controllable
  // mode; OpenAI and xAI reason internally without it (inventory §g.5: only Claude and Gemini think).
  e.thinking = e.reasoning && (e.provider === 'anthropic' || e.provider === 'google');
  // Anthropic gives a minimum only; budget_tokens must stay below max_tokens, which bounds it.
  if (e.thinking && e.budget && e.budget[1] === undefined)
    e.budget = [e.budget[0], e.maxOutputTokens - 1];
  // OpenAI's reasoning models reject `max_tokens` and need `max_completion_tokens` (o-series, GPT-5).
  e.requiresMaxCompletionTokens = e.provider === 'openai' && e.reasoning;
  // Lark/regex grammar custom tools: GPT-5 family and gpt-4.1 (the original's models.json); they are
  // tools, so only models that call tools take them.
  e.grammar = e.provider === 'openai' && /^gpt-(5|4\.1)/.test(e.id) && e.tools;
  // models.dev leaves structured_output out for Anthropic. The SDK gives every Claude model that
  // calls tools schema-shaped output (natively where the API has it, else through a forced tool), so
  // for Anthropic tool support decides; elsewhere fall back to the original's flag.
  if (e.provider === 'anthropic') e.structuredOutput = e.tools;
  else if (e.structuredOutput === undefined) {
    e.structuredOutput =
      o?.static?.supports_structured_output ?? o?.json?.supports_structured_output ?? false;
  }
  return e;
}

/** Builds every entry, grouped by provider, in a stable order. */
export function buildEntries(snapshot, orig) {
  const entries = new Map();
  const sp = snapshot.providers;
  for (const provider of PROVIDERS) {
    for (const [id, m] of Object.entries(sp[provider].models)) {
      if (isTextModel(id, m)) entries.set(id, fromModelsDev(provider, id, m));
    }
  }
  // Vertex AI: Gemini ids match the Gemini API's; Claude on Vertex uses `name@version` ids that map to
  // Anthropic ids through base_model. Prices and limits of the first-party API win.
  for (const [vid, m] of Object.entries(sp['google-vertex'].models)) {
    if (!isTextModel(vid, m)) continue;
    const baseId = m.base_model?.split('/')[1] ?? vid;
    const provider = vid.startsWith('claude-') ? 'anthropic' : 'google';
    let e = entries.get(baseId);
    if (!e) {
      e = { ...fromModelsDev(provider, baseId, m), platforms: [] };
      entries.set(baseId, e);
    }
    e.platforms = uniq([...e.platforms, 'vertex']);
    if (vid !== baseId) e.vertexId = vid;
  }
  const original = loadOriginal(orig);
  const pending = [...original.values()].filter(
    (o) => !entries.has(o.id) && !NON_TEXT_ID.test(o.id) && PROVIDERS.includes(o.provider),
  );
  // The original still lists claude-3-5-haiku-20241022 on Anthropic's own API.
  for (const o of original.values()) {
    const e = entries.get(o.id);
    if (e && !e.platforms.includes('api')) e.platforms = ['api', ...e.platforms];
  }
  // Bases first, so that dated snapshots and -latest aliases find them.
  const isAlias = (o) => stripDate(o.id) !== o.id || o.id.endsWith('-latest');
  for (const o of pending.filter((x) => !isAlias(x))) entries.set(o.id, fromOriginal(o));
  for (const o of pending.filter(isAlias)) {
    const base = findBase(o.id, entries);
    if (!base) {
      entries.set(o.id, fromOriginal(o));
      continue;
    }
    // A dated snapshot or alias is the same model: inherit its values, keep the original's release date
    // and its legacy status.
    const legacy = /^(legacy|deprecated)$/.test(o.static?.status ?? o.json?.status ?? '');
    entries.set(o.id, {
      ...base,
      id: o.id,
      name: base.name === base.id ? o.id : `${base.name} (${o.id})`,
      releaseDate: originalReleaseDate(o) ?? base.releaseDate,
      status: legacy ? 'deprecated' : base.status,
      platforms: ['api'],
      vertexId: undefined,
      source: 'original',
      aliasOf: base.id,
    });
  }
  for (const e of entries.values()) finish(e, original);
  const byProvider = Object.fromEntries(PROVIDERS.map((p) => [p, []]));
  // Sorted by id (plain code-unit order, independent of locale) so the files read like a catalogue.
  const sorted = [...entries.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const e of sorted) byProvider[e.provider].push(e);
  return byProvider;
}

// ---- Output in Prettier's format -----------------------------------------------------------------

function lit(v) {
  if (v === undefined || v === null) return 'null';
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(lit).join(', ')}]`;
  throw new Error(`unsupported literal ${v}`);
}

/** Drops trailing nulls so optional tuple members are simply absent. */
function trim(list) {
  const out = [...list];
  while (out.length && (out[out.length - 1] === undefined || out[out.length - 1] === null))
    out.pop();
  return out;
}

/** One array element at `indent`: on one line when it fits in 100 columns, else one item per line. */
function row(items, indent) {
  const pad = ' '.repeat(indent);
  const line = `${pad}[${items.map(lit).join(', ')}],`;
  if (line.length <= 100) return line;
  const inner = items.map((v) => `${pad}  ${lit(v)},`).join('\n');
  return `${pad}[\n${inner}\n${pad}],`;
}

function priceRow(p) {
  if (!p) return null;
  const base = trim([p.input, p.output, p.cachedInput, p.cacheWrite]);
  const l = p.longContext;
  if (!l) return base.length ? base : null;
  return [
    ...[p.input, p.output, p.cachedInput, p.cacheWrite].map((v) => v ?? null),
    l.threshold,
  ].concat(trim([l.input, l.output, l.cachedInput, l.cacheWrite]).map((v) => v ?? null));
}

function flagsOf(e) {
  let f = 0;
  for (const [k, bit] of Object.entries(FLAG)) if (e[k]) f |= bit;
  return f;
}

const HEADER = (what) =>
  `// GENERATED by scripts/generate-registry.mjs: do not edit. ${what}
// Data: models.dev (MIT, github.com/anomalyco/models.dev) and the alea-llm-client 0.2.3 registry.
`;

const NAMES = { openai: 'openai', anthropic: 'anthropic', google: 'google', xai: 'xai' };

function specModule(provider, list) {
  const rows = list.map((e) =>
    row(
      trim([
        e.id,
        e.contextWindow,
        e.maxOutputTokens,
        flagsOf(e),
        priceRow(e.prices),
        e.efforts?.length ? e.efforts.join(' ') : null,
        e.thinking && e.budget ? e.budget : null,
      ]),
      4,
    ),
  );
  const name = `${NAMES[provider]}Models`;
  return `${HEADER('What adapters need: limits, capability flags, prices.')}
import type { ModelSlice } from '../model-row.ts';

/**
 * ${provider} models: token limits, capability flags and prices, for adapters and cost (see ModelRow).
 * Import this file alone to bundle one provider's data without the others' or the query functions.
 */
export const ${name}: ModelSlice = {
  provider: '${provider}',
  rows: [
${rows.join('\n')}
  ],
};
`;
}

function detailsModule(provider, list) {
  // One '|'-separated string per model: always one line, and shorter than a tuple of strings.
  const rows = list.map((e) => {
    const fields = [
      e.id,
      e.name,
      e.family,
      e.tier,
      e.status,
      e.inputModalities.join(' '),
      e.outputModalities.join(' '),
      e.knowledgeCutoff ?? '',
      e.releaseDate ?? '',
      e.platforms.join(' '),
      e.source,
      e.aliasOf ?? '',
      e.vertexId ?? '',
    ];
    if (fields.some((f) => String(f).includes('|'))) throw new Error(`'|' in ${e.id}`);
    return `  ${lit(fields.join('|').replace(/\|+$/, ''))},`;
  });
  const name = `${NAMES[provider]}ModelDetails`;
  return `${HEADER('Descriptive fields for the registry queries.')}
/**
 * ${provider} models: names, tiers, status, modalities, dates and provenance, one '|'-separated
 * string per model (see DetailRow in ../model-row.ts for the field order).
 */
export const ${name}: readonly string[] = [
${rows.join('\n')}
];
`;
}

/**
 * Generates the registry modules.
 * @param {string} dataDir - Folder holding models-dev-snapshot.json and original-models.json.
 * @returns {Record<string, string>} File name (relative to the output folder) → content.
 */
export function generateRegistryFiles(dataDir) {
  const snapshot = JSON.parse(readFileSync(join(dataDir, 'models-dev-snapshot.json'), 'utf8'));
  const orig = JSON.parse(readFileSync(join(dataDir, 'original-models.json'), 'utf8'));
  const byProvider = buildEntries(snapshot, orig);
  const files = {};
  for (const p of PROVIDERS) {
    files[`${p}.ts`] = specModule(p, byProvider[p]);
    files[`${p}-details.ts`] = detailsModule(p, byProvider[p]);
  }
  return files;
}

function main(argv) {
  const arg = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] ? resolve(argv[i + 1]) : fallback;
  };
  const dataDir = arg('--data', resolve(REPO_ROOT, '../shared/data'));
  const outDir = arg('--out', join(REPO_ROOT, 'src/registry/data'));
  const files = generateRegistryFiles(dataDir);
  mkdirSync(outDir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(outDir, name), content);
  console.log(`wrote ${Object.keys(files).length} files to ${outDir}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2));
}
