import { InvalidRequestError } from '../core/errors/invalid-request-error.ts';
import type { JSONSchema, StandardSchemaV1 } from '../core/standard-schema.ts';

/**
 * Turns the caller's schema into JSON Schema for the provider. Loaded on demand by `object()` and
 * tools, so chat-only bundles do not carry it: valibot through
 * `@valibot/to-json-schema` (loaded on first use, so chat-only bundles do not carry it), any library
 * implementing Standard JSON Schema through its own converter, or an explicit `jsonSchema`.
 * @param schema - The caller's schema.
 * @param explicit - A JSON Schema the caller supplied; it wins.
 * @returns The JSON Schema, without a `$schema` member (several providers reject it).
 */
export async function toJsonSchema(
  schema: StandardSchemaV1,
  explicit?: JSONSchema,
): Promise<JSONSchema> {
  let json: JSONSchema;
  const std = schema['~standard'];
  if (explicit) json = explicit;
  else if (std.vendor === 'valibot') {
    const { toJsonSchema: convert } = await import('@valibot/to-json-schema');
    json = convert(schema as never, { errorMode: 'ignore' }) as JSONSchema;
  } else if (std.jsonSchema) json = std.jsonSchema.output({ target: 'draft-2020-12' });
  else {
    throw new InvalidRequestError(
      `Cannot derive a JSON Schema from a ${std.vendor} schema. Pass \`jsonSchema\` in the options ` +
        'of object(), or use a valibot schema.',
    );
  }
  const { $schema: _ignored, ...rest } = json;
  return rest;
}
