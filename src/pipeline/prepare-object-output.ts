import type { OutputFormat } from '../core/adapter.ts';
import { InvalidRequestError } from '../core/errors/invalid-request-error.ts';
import { checkOptions } from './check-options.ts';
import type { OutputCheck } from './request-with-repairs.ts';
import type { JSONSchema, StandardSchemaV1 } from '../core/standard-schema.ts';
import { toJsonSchema } from './to-json-schema.ts';
import { validateWithSchema } from './validate-with-schema.ts';

/**
 * The output format and the check of `object()` (and `responses({ schema })`): the schema converted
 * to JSON Schema, named for the provider, and validated on every answer. Loaded on first use, so
 * chat-only bundles carry no schema code.
 * @param options - The call's `schema`, `jsonSchema` and `schemaName`.
 * @param method - The method, for the error message.
 * @throws {@link InvalidRequestError} when `schema` is not a Standard Schema, or `jsonSchema` or
 *   `schemaName` is of the wrong type.
 */
export async function prepareObjectOutput(
  options: { schema?: unknown; jsonSchema?: JSONSchema; schemaName?: string } | undefined,
  method = 'object',
): Promise<{ output: OutputFormat; check: OutputCheck }> {
  const schema = options?.schema;
  if (!schema || typeof schema !== 'object' || !('~standard' in schema)) {
    throw new InvalidRequestError(
      `${method}() needs \`schema\`: a valibot schema or any Standard Schema, for example ` +
        `${method}(prompt, { schema: v.object({ name: v.string() }) }).`,
    );
  }
  checkOptions(options, { jsonSchema: 'o', schemaName: 's' });
  const standard = schema as StandardSchemaV1;
  const output: OutputFormat = {
    type: 'json-schema',
    schema: await toJsonSchema(standard, options.jsonSchema),
    // Every provider wants `^[a-zA-Z0-9_-]{1,64}$` for schema and tool names: fit it once here.
    name:
      (options.schemaName ?? 'response').replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 64) || 'response',
  };
  return { output, check: (value) => validateWithSchema(standard, value) };
}
