// Per-family files of each provider's specs (issue 14): a chat call loads only the ready specs of its
// model's bucket, not the whole provider. The bucket of an id is BUCKET's match: its leading letters,
// a dash, then the version or the next word (`gpt-5.1`, `gpt-4`, `o3`, `claude-3`, `claude-sonnet`,
// `gemini-2.5`, `grok-4`), so dated snapshots and undated aliases share their family's bucket. The generated loader
// (load-<provider>-bucket.ts) carries this same pattern, so the files and the lookup cannot disagree.

/** The bucket of a model id: the first match of this pattern (none: no bucket, no built-in row). */
export const BUCKET = /^[a-z]+-?([\d.]+|[a-z]*)/;

/** The bucket of `id`, or undefined. */
export const bucketOf = (id) => BUCKET.exec(id)?.[0];

/** The module name of a bucket (`claude-` → `claude`), below the provider's folder. */
export const bucketFile = (bucket) => bucket.replace(/-$/, '');

/**
 * Groups entries by bucket, in the order of their first row.
 * @returns {Map<string, object[]>} bucket → entries
 */
export function bucketsOf(list) {
  const buckets = new Map();
  for (const e of list) {
    const b = bucketOf(e.id);
    if (!b) throw new Error(`model id ${e.id} has no bucket (${BUCKET})`);
    buckets.set(b, [...(buckets.get(b) ?? []), e]);
  }
  return buckets;
}
