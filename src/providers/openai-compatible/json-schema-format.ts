import { canonicalJson } from '../../core/canonical-json.ts';
import type { JSONSchema } from '../../core/standard-schema.ts';
import { toStrictJsonSchema } from './strict-json-schema.ts';

export { withoutOptionalNulls } from './strip-optional-nulls.ts';

/**
 * The `response_format` of `object()`: `{ type: 'json_schema', json_schema: { name, schema, strict } }`.
 * @param schema - The schema converted from the caller's.
 * @param name - The schema's name (already fitted to `^[a-zA-Z0-9_-]{1,64}$`).
 * @param rewrite - Whether to rewrite the schema for strict mode (OpenAI). Other servers get strict
 *   mode only for a schema that already meets its rules, sent unchanged.
 */
export function jsonSchemaFormat(
  schema: JSONSchema,
  name: string,
  rewrite: boolean | undefined,
): Record<string, unknown> {
  const strict = toStrictJsonSchema(schema);
  const useStrict =
    strict !== undefined && (rewrite || canonicalJson(strict) === canonicalJson(schema));
  return {
    type: 'json_schema',
    json_schema: { name, schema: useStrict && strict ? strict : schema, strict: useStrict },
  };
}
