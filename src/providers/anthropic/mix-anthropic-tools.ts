import { InvalidRequestError } from '../../core/errors/invalid-request-error.ts';
import type { JSONSchema, StandardSchemaV1 } from '../../core/standard-schema.ts';
import { toJsonSchema } from '../../pipeline/to-json-schema.ts';

/**
 * Converts the portable tools of a provider-native `tools` array (one with an Anthropic tool such as
 * `{ type: 'web_search_20250305', name }`) one by one to Anthropic's `{ name, description,
 * input_schema }`, in the array's order; the other items are sent verbatim. Sent as they were,
 * `{ name, parameters }` items were refused by the API (`parameters` is not a Tool member). Loaded
 * only for such arrays.
 * @param isPortable - The tuning step's test for a portable item, which decided to load this module.
 * @throws {@link InvalidRequestError} for a portable item whose parameters are not a schema.
 */
export async function mixAnthropicTools(
  tools: unknown[],
  isPortable: (item: unknown) => boolean,
): Promise<unknown[]> {
  return Promise.all(
    tools.map(async (item) => {
      if (!isPortable(item)) return item;
      const { name, description, parameters } = item as Record<string, unknown>;
      if (!parameters || typeof parameters !== 'object')
        throw new InvalidRequestError(
          `Tool ${String(name)} needs \`parameters\`: a JSON Schema object or a valibot schema.`,
        );
      return {
        name,
        ...(description === undefined ? {} : { description }),
        input_schema:
          '~standard' in parameters
            ? await toJsonSchema(parameters as StandardSchemaV1)
            : (parameters as JSONSchema),
      };
    }),
  );
}
