import { decodeModelSpec } from './decode-model-spec.ts';
import type { DetailRow, ModelSlice } from './model-row.ts';
import type { ModelInfo, ModelPlatform, ModelSource, ModelStatus, ModelTier } from './types.ts';

/** Splits a space-separated list field; an empty field is an empty list. */
function list(field: string | undefined): string[] {
  return field ? field.split(' ') : [];
}

/**
 * Joins a provider's spec rows and detail rows (generated in the same order) into full entries.
 * @param slice - The provider's spec slice (`registry/data/<provider>.ts`).
 * @param details - The provider's detail rows (`registry/data/<provider>-details.ts`).
 * @returns One {@link ModelInfo} per row.
 * @throws Error when the two files disagree, which means they were not generated together.
 */
export function decodeModelInfos(slice: ModelSlice, details: readonly DetailRow[]): ModelInfo[] {
  return slice.rows.map((row, index) => {
    const f = (details[index] ?? '').split('|');
    if (f[0] !== row[0]) {
      throw new Error(
        `[registry] ${slice.provider} data is out of sync at ${row[0]}: regenerate it.`,
      );
    }
    const spec = decodeModelSpec(slice.provider, row);
    return {
      ...spec,
      name: f[1] || spec.id,
      family: f[2] || spec.id,
      tier: (f[3] || 'standard') as ModelTier,
      status: (f[4] || 'active') as ModelStatus,
      inputModalities: list(f[5]),
      outputModalities: list(f[6]),
      knowledgeCutoff: f[7] || undefined,
      releaseDate: f[8] || undefined,
      platforms: list(f[9]) as ModelPlatform[],
      source: (f[10] || 'models.dev') as ModelSource,
      aliasOf: f[11] || undefined,
      vertexId: f[12] || undefined,
    };
  });
}
