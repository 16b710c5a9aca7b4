import type { ToolDefinition } from './adapter.ts';
import { InvalidRequestError } from './errors/invalid-request-error.ts';
import type { ToolInput } from './options.ts';
import { toJsonSchema, type JSONSchema, type StandardSchemaV1 } from './standard-schema.ts';

/**
 * Tells portable tools (`{ name, parameters }`) from a provider-native array, which is sent verbatim
 * as before: items with a `type` (OpenAI's `{ type: 'function', function }`) or with neither `name`
 * nor `parameters` (Gemini's `{ functionDeclarations }`, `{ googleSearch: {} }`).
 */
export function isPortableTools(tools: unknown): tools is ToolInput[] {
  return (
    Array.isArray(tools) &&
    tools.length > 0 &&
    tools.every(
      (t) =>
        typeof t === 'object' && t !== null && !('type' in t) && ('name' in t || 'parameters' in t),
    )
  );
}

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
