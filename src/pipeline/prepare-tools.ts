import type { ToolDefinition } from '../core/adapter.ts';
import { InvalidRequestError } from '../core/errors/invalid-request-error.ts';
import type { ToolInput } from './options.ts';
import type { JSONSchema, StandardSchemaV1 } from '../core/standard-schema.ts';
import { toJsonSchema } from './to-json-schema.ts';

/**
 * Checks portable tools and converts schema parameters to JSON Schema.
 * @throws {@link InvalidRequestError} for a tool without a name or parameters.
 */
export async function prepareTools(tools: ToolInput[]): Promise<ToolDefinition[]> {
  return Promise.all(
    tools.map(async (tool, i) => {
      if (typeof tool.name !== 'string' || !/^[a-zA-Z0-9_-]{1,64}$/.test(tool.name)) {
        throw new InvalidRequestError(
          `Tool ${i} needs a name of 1-64 letters, digits, _ or -; got ${JSON.stringify(tool.name)}.`,
        );
      }
      const params = tool.parameters as JSONSchema | StandardSchemaV1 | undefined;
      if (!params || typeof params !== 'object') {
        throw new InvalidRequestError(
          `Tool ${tool.name} needs \`parameters\`: a JSON Schema object or a valibot schema.`,
        );
      }
      const parameters =
        '~standard' in params
          ? await toJsonSchema(params as StandardSchemaV1)
          : (params as JSONSchema);
      return { name: tool.name, description: tool.description, parameters };
    }),
  );
}
