// Merging models.dev, its Vertex AI listing and the original's registries into one entry per model id.

import { PROVIDERS, stripDate, uniq } from './common.mjs';
import { NON_TEXT_ID, fromModelsDev, isTextModel } from './models-dev.mjs';
import { fromOriginal, loadOriginal, originalReleaseDate } from './original.mjs';
import { finish } from './rules.mjs';

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
