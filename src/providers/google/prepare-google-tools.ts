import type { ModelCall } from '../../core/adapter.ts';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.ts';
import type { JSONSchema } from '../../core/standard-schema.ts';
import { UnsupportedFeatureError } from '../../core/errors/unsupported-feature-error.ts';

/** Drops `$schema`, which Gemini's JSON Schema subset does not list (valibot adds it). */
export function googleJsonSchema(schema: JSONSchema): JSONSchema {
  const { $schema: _ignored, ...rest } = schema as JSONSchema & { $schema?: unknown };
  return rest;
}

const MODES = { auto: 'AUTO', none: 'NONE', required: 'ANY' } as const;

const declares = (tools: unknown) =>
  Array.isArray(tools) &&
  tools.some((t) => Array.isArray((t as { functionDeclarations?: unknown })?.functionDeclarations));

/**
 * Maps portable tools and tool choice to Gemini's `tools: [{ functionDeclarations }]` (parameters as
 * `parametersJsonSchema`, which both the Gemini API and Vertex take as plain JSON Schema) and
 * `toolConfig.functionCallingConfig` (`AUTO`, `NONE`, `ANY`, plus `allowedFunctionNames` to force
 * one tool: Google takes those names only with `ANY`). Gemini refuses a `functionCallingConfig`
 * without function declarations ("Function calling config is set without function_declarations"),
 * so an `auto` or `none` choice with no functions is left out, with a warning.
 * @param call - The call.
 * @param nativeTools - A provider-native `tools` member passed through, if any.
 * @returns The body members and warnings.
 * @throws {@link InvalidRequestError} for a tool name Gemini refuses, or when `toolChoice` names a
 *   tool that is not in `tools` or requires a call when there is no function to call.
 * @throws {@link UnsupportedFeatureError} for tools with a JSON answer on a Gemini 1.x/2.x model.
 */
export function prepareGoogleTools(
  call: ModelCall,
  nativeTools?: unknown,
): { members: Record<string, unknown>; warnings: string[] } {
  const out: Record<string, unknown> = {};
  // Before Gemini 3, Google refuses function declarations beside a JSON response MIME type with 400
  // "Function calling with a response mime type: 'application/json' is unsupported" (reported for
  // 1.5 and 2.5: google-gemini/deprecated-generative-ai-swift#195, google/adk-python#5735); Gemini 3
  // documents structured output with tools. Fail here, with the fix, instead of after a round trip.
  if (
    call.tools?.length &&
    call.output.type !== 'text' &&
    call.toolChoice !== 'none' &&
    /^(?:.*\/)?gemini-[12][.-]/.test(call.model)
  ) {
    throw new UnsupportedFeatureError({
      provider: 'google',
      feature: 'tools with a JSON answer',
      detail: `${call.model} cannot combine function calling with a JSON response (Gemini 3 models can): call json()/object() without tools, run the tool turn with chat() first, or use a Gemini 3 model.`,
    });
  }
  if (call.tools?.length) {
    // Both APIs' FunctionDeclaration.name: "Must start with a letter or an underscore", which the
    // portable name check (letters, digits, _ and -) does not require.
    const bad = call.tools.find((tool) => !/^[a-zA-Z_]/.test(tool.name));
    if (bad) {
      throw new InvalidRequestError(
        `Tool name ${JSON.stringify(bad.name)} is refused by Gemini, which needs function names ` +
          'that start with a letter or an underscore: rename the tool.',
      );
    }
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
  if (choice === undefined) return { members: out, warnings: [] };
  if (typeof choice === 'string' && !MODES[choice]) {
    throw new InvalidRequestError(
      `toolChoice must be "auto", "none", "required" or { name }; got ${JSON.stringify(choice)}.`,
    );
  }
  if (!call.tools?.length && !declares(nativeTools)) {
    if (choice === 'auto' || choice === 'none') {
      return { members: out, warnings: ['toolChoice was not sent: there are no tools to call.'] };
    }
    throw new InvalidRequestError(
      `toolChoice ${JSON.stringify(choice)} asks for a tool call, but the call has no tools: ` +
        'pass `tools`, or leave toolChoice out.',
    );
  }
  if (typeof choice === 'string') {
    out.toolConfig = { functionCallingConfig: { mode: MODES[choice] } };
    return { members: out, warnings: [] };
  }
  if (call.tools && !call.tools.some((tool) => tool.name === choice.name)) {
    throw new InvalidRequestError(
      `toolChoice names ${JSON.stringify(choice.name)}, which is not one of the tools passed.`,
    );
  }
  out.toolConfig = { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: [choice.name] } };
  return { members: out, warnings: [] };
}
