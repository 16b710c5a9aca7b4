import type { JSONSchema } from '../../core/standard-schema.ts';

/** How `object()` asks Claude for schema-shaped output. */
export type AnthropicStructuredOutput =
  /** `output_config.format: { type: 'json_schema', schema }` (Claude Opus 4.1, Sonnet 4.5, Haiku 4.5 and later). */
  | 'native'
  /** A tool whose input is the object, forced with `tool_choice` (every Claude model with tools). */
  | 'tool';

/**
 * Picks the structured-output mode for a model: native where Anthropic documents it, otherwise the
 * forced tool, which older models (Claude 3.x, Opus 4.0, Sonnet 4.0) understand.
 */
export function defaultStructuredOutput(model: string): AnthropicStructuredOutput {
  const id = model.replace(/^anthropic\//, '');
  if (/^claude-3|^claude-(opus|sonnet)-4-(0|2025)|^claude-(opus|sonnet)-4$/.test(id)) return 'tool';
  return 'native';
}

const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions']);

/**
 * Closes every object of a schema (`additionalProperties: false` where unset): Anthropic's
 * structured outputs require it, and the caller's schema validates the answer anyway.
 * @returns A copy; the input is not modified.
 */
export function closeObjects(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeObjects);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: JSONSchema = {};
  for (const [k, v] of Object.entries(schema)) {
    // These map names to schemas: recurse into the values, not the map itself (a property may be
    // named `type`).
    out[k] =
      SCHEMA_MAPS.has(k) && typeof v === 'object' && v !== null
        ? Object.fromEntries(Object.entries(v).map(([n, s]) => [n, closeObjects(s)]))
        : closeObjects(v);
  }
  if ((out.type === 'object' || out.properties) && out.additionalProperties === undefined) {
    out.additionalProperties = false;
  }
  return out;
}
