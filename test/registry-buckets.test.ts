// The per-family files a chat call loads (src/registry/data/<provider>/, load-<provider>-bucket.ts)
// hold ready specs: for every built-in row, its bucket holds exactly what decodeModelSpec makes of the
// provider's whole slice (same members, values and key order; undefined members left out), so the two
// forms cannot drift and no row is lost or misfiled; ids without a row give undefined, whether their
// bucket exists or not.
// No runtime suffix: the buckets are import() targets, loaded the same way in Node, Chromium, workerd.
import { describe, expect, it } from 'vitest';
import { anthropicSpec } from '../src/providers/anthropic/anthropic-spec.ts';
import { googleSpec } from '../src/providers/google/google-spec.ts';
import { openaiSpec } from '../src/providers/openai/openai-spec.ts';
import { xaiSpec } from '../src/providers/xai/xai-spec.ts';
import { anthropicModels } from '../src/registry/data/anthropic.ts';
import { googleModels } from '../src/registry/data/google.ts';
import { loadAnthropicBucket } from '../src/registry/data/load-anthropic-bucket.ts';
import { loadGoogleBucket } from '../src/registry/data/load-google-bucket.ts';
import { loadOpenaiBucket } from '../src/registry/data/load-openai-bucket.ts';
import { loadXaiBucket } from '../src/registry/data/load-xai-bucket.ts';
import { openaiModels } from '../src/registry/data/openai.ts';
import { xaiModels } from '../src/registry/data/xai.ts';
import { decodeModelSpec } from '../src/registry/decode-model-spec.ts';
import { findModelSpec } from '../src/registry/find-model-spec.ts';
import type { ModelSlice } from '../src/registry/model-row.ts';
import type { ModelSpec } from '../src/core/model-spec.ts';

type Load = (id: string) => Promise<{ specs: readonly ModelSpec[] }> | undefined;

/** `value` without its undefined members, at every depth (the family files leave them out). */
const defined = (value: unknown): unknown =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(
        Object.entries(value)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, defined(v)]),
      )
    : value;
const providers: Array<[ModelSlice, Load, (model: string) => Promise<ModelSpec | undefined>]> = [
  [openaiModels, loadOpenaiBucket, openaiSpec],
  [anthropicModels, loadAnthropicBucket, anthropicSpec],
  [googleModels, loadGoogleBucket, googleSpec],
  [xaiModels, loadXaiBucket, xaiSpec],
];

for (const [full, load, spec] of providers) {
  describe(`the ${full.provider} buckets`, () => {
    const ids = full.rows.map((r) => r[0]);

    it('hold, for every row of the whole slice, its decoded spec, found by the adapter lookup', async () => {
      expect(ids.length).toBeGreaterThan(10);
      for (const row of full.rows) {
        const id = row[0];
        const decoded = decodeModelSpec(full.provider, row);
        const bucket = await load(id);
        expect(bucket, `${id} has a bucket`).toBeDefined();
        const ready = bucket!.specs.find((s) => s.id === id);
        // Strict: no member more or less than the decoder's defined ones, the same key order too.
        expect(ready, id).toStrictEqual(defined(decoded));
        expect(JSON.stringify(ready), id).toBe(JSON.stringify(decoded));
        expect(await spec(id), id).toBe(ready);
        expect(await spec(id), id).toEqual(findModelSpec(full, id));
      }
    });

    it('hold each row exactly once, and only rows of the whole slice', async () => {
      const modules = new Set(await Promise.all(ids.map((id) => load(id)!)));
      const filed = [...modules].flatMap((m) => m.specs.map((s) => s.id));
      expect(filed.sort()).toEqual([...ids].sort());
      // A call loads a bucket, not the provider: every bucket is a small part of the rows.
      expect(modules.size).toBeGreaterThan(1);
      for (const m of modules) expect(m.specs.length).toBeLessThan(ids.length / 2 + 1);
    });
  });
}

describe('ids without a built-in row', () => {
  it('give undefined in an existing bucket (an unknown model in a known family)', async () => {
    for (const [full, load, spec] of providers) {
      const known = full.rows.at(-1)![0];
      const unknown = `${known}-unreleased`;
      expect(await load(unknown), `${unknown} shares ${known}'s bucket`).toBe(await load(known));
      expect(await spec(unknown), unknown).toBeUndefined();
    }
    // gpt-5.4 and gpt-5.4-mini are known, gpt-5.4-micro is not: the lookup stays exact.
    expect(await openaiSpec('gpt-5.4')).toBeDefined();
    expect(await loadOpenaiBucket('gpt-5.4-micro')).toBe(await loadOpenaiBucket('gpt-5.4'));
    expect(await openaiSpec('gpt-5.4-micro')).toBeUndefined();
  });

  it('give undefined, loading nothing, when their bucket does not exist', async () => {
    for (const [, load, spec] of providers) {
      for (const id of ['llama-3.1-8b', 'ft:gpt-4o:org', 'GPT-5', '', 'constructor', '__proto__']) {
        expect(load(id), id).toBeUndefined();
        expect(await spec(id), id).toBeUndefined();
      }
    }
  });

  it('keep the Anthropic aliases: a dated id falls back to its undated row', async () => {
    const undated = anthropicModels.rows.map((r) => r[0]).find((id) => !/\d{8}$/.test(id))!;
    const dated = await anthropicSpec(`anthropic/${undated}-20990101`);
    expect(dated).toEqual(findModelSpec(anthropicModels, undated));
  });
});
