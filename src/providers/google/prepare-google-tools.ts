import type { ModelCall } from '../../core/adapter.ts';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.ts';
import type { JSONSchema } from '../../core/standard-schema.ts';

/** Drops `$schema`, which Gemini's JSON Schema subset does not list (valibot adds it). */
export function googleJsonSchema(schema: JSONSchema): JSONSchema {
  const { $schema: _ignored, ...rest } = schema as JSONSchema & { $schema?: unknown };
  return rest;
}

const MODES = { auto: 'AUTO', none: 'NONE', required: 'ANY' } as const;

/**
 * Maps portable tools and tool choice to Gemini's `tools: [{ functionDeclarations }]` (parameters as
 * `parametersJsonSchema`, which both the Gemini API and Vertex take as plain JSON Schema) and
 * `toolConfig.functionCallingConfig` (`AUTO`, `NONE`, `ANY`, plus `allowedFunctionNames` to force
 * one tool).
 * @throws {@link InvalidRequestError} when `toolChoice` names a tool that is not in `tools`.
 */
export function prepareGoogleTools(call: ModelCall): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (call.tools?.length) {
    out.tools = [
      {
        functionDeclarations: call.tools.map((tool) => ({
          name: tool.name,
          ...(tool.description === undefined ? {} : { description: tool.description }),
          parametersJsonSchema: googleJsonSchema(tool.parameters),
        })),
      },
    ];
  }
  const choice = call.toolChoice;
  if (choice === undefined) return out;
  if (typeof choice === 'string') {
    const mode = MODES[choice];
    if (!mode) {
      throw new InvalidRequestError(
        `toolChoice must be "auto", "none", "required" or { name }; got ${JSON.stringify(choice)}.`,
      );
    }
    out.toolConfig = { functionCallingConfig: { mode } };
    return out;
  }
  if (call.tools && !call.tools.some((tool) => tool.name === choice.name)) {
    throw new InvalidRequestError(
      `toolChoice names ${JSON.stringify(choice.name)}, which is not one of the tools passed.`,
    );
  }
  out.toolConfig = { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: [choice.name] } };
  return out;
}
