// Reading models.dev records (models-dev-snapshot.json, MIT, see models-dev.LICENSE) into registry
// entries: which records are text models, their prices and their capabilities.

/** Ids of the original that are not text chat models (audio, realtime, transcription, images). */
export const NON_TEXT_ID = /audio|realtime|transcribe|tts|image|embedding/;

/**
 * Whether a models.dev entry is a text model: text out only (skips image, audio and video generation),
 * a real context window (image models have 0) and not an embedding model.
 */
export function isTextModel(id, m) {
  const out = m.modalities?.output ?? [];
  if (out.length !== 1 || out[0] !== 'text') return false;
  if (!(m.limit?.context > 0)) return false;
  return !/embedding/.test(m.family ?? '') && !NON_TEXT_ID.test(id);
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
export function fromModelsDev(provider, id, m) {
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
    // models.dev lists OpenAI's Priority processing as a "fast" mode that sends service_tier priority.
    priorityMode: Object.values(m.experimental?.modes ?? {}).some(
      (mode) => mode?.provider?.body?.service_tier === 'priority',
    ),
    budget: budget ? [budget.min ?? 0, budget.max] : undefined,
    prices: pricesOf(m.cost),
    status: m.status === 'deprecated' ? 'deprecated' : undefined,
    knowledgeCutoff: m.knowledge,
    releaseDate: m.release_date,
    platforms: ['api'],
    source: 'models.dev',
  };
}
