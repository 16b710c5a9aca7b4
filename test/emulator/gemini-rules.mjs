// The Gemini API's request rules beyond the body's shape, as strict as Google's: contents and
// function-call turns, thinkingConfig per model (levels and budget ranges from the registry data, like
// the SDK), a response schema's MIME type, and toolConfig. Each returns Google's error, or null.
import { invalidArgument, isAcceptedSignature, isGemini3, isObject } from './gemini-common.mjs';
import { googleModel } from './registry-data.mjs';

/** Checks `contents` like the real API; returns an error result or null. */
export function checkContents(contents, model) {
  if (contents === undefined || (Array.isArray(contents) && contents.length === 0))
    return invalidArgument('* GenerateContentRequest.contents: contents is not specified\n');
  if (!Array.isArray(contents))
    return invalidArgument(
      `Invalid value at 'contents' (type.googleapis.com/google.ai.generativelanguage.v1beta.Content), ${JSON.stringify(contents)}`,
    );
  let previousCalls = [];
  for (const [i, c] of contents.entries()) {
    if (!isObject(c)) return invalidArgument(`Invalid value at 'contents[${i}]'`);
    if (c.role !== undefined && c.role !== 'user' && c.role !== 'model')
      return invalidArgument('Please use a valid role: user, model.');
    if (!Array.isArray(c.parts) || c.parts.length === 0)
      return invalidArgument(
        `* GenerateContentRequest.contents[${i}].parts: contents.parts must not be empty.\n`,
      );
    // Any signature Gemini did not issue (another provider's, a tampered one) is refused.
    if (
      c.parts.some(
        (p) => p?.thoughtSignature !== undefined && !isAcceptedSignature(p.thoughtSignature),
      )
    )
      return invalidArgument('Corrupted thought signature.');
    const calls = c.parts.filter((p) => isObject(p?.functionCall));
    const responses = c.parts.filter((p) => isObject(p?.functionResponse));
    if (calls.length && isGemini3(model) && !isAcceptedSignature(calls[0].thoughtSignature))
      return invalidArgument(
        `Function call is missing a thought_signature in functionCall parts. This is required for tools to work correctly, and missing thought_signature may lead to degraded model performance. Additional data, function call \`default_api:${calls[0].functionCall.name}\` , position ${i + 1}. Please refer to https://ai.google.dev/gemini-api/docs/thought-signatures for more details.`,
      );
    if (responses.length) {
      if (!previousCalls.length)
        return invalidArgument(
          'Please ensure that function response turn comes immediately after a function call turn.',
        );
      if (responses.length !== previousCalls.length)
        return invalidArgument(
          'Please ensure that the number of function response parts is equal to the number of function call parts of the function call turn.',
        );
      const names = previousCalls.map((p) => p.functionCall.name);
      const wrong = responses.find((p) => !names.includes(p.functionResponse.name));
      if (wrong)
        return invalidArgument(
          `Function response name ${wrong.functionResponse.name} does not match any function call.`,
        );
    }
    previousCalls = calls;
  }
  return null;
}

// The members of Part's `data` oneof; `thought` and `thoughtSignature` are not data.
const DATA = [
  'text',
  'inlineData',
  'fileData',
  'functionCall',
  'functionResponse',
  'executableCode',
  'codeExecutionResult',
];
// An empty string reads as an unset field (proto3): a part whose only data is `text: ""` has none.
const hasData = (p) => isObject(p) && DATA.some((k) => p[k] !== undefined && p[k] !== '');

/**
 * Refuses a part with no data, such as `{ "text": "" }` (with or without a thought signature), in
 * the system instruction or the contents, as Google does: Gemini with "required oneof field 'data'
 * must have one initialized field" (router-for-me/CLIProxyAPI#1292, boldsoftware/sketch#68), Vertex
 * with "empty text parameter" (zuisong/gemini-openai-proxy#86).
 */
export function checkEmptyParts(b, api) {
  const where = [
    ['system_instruction', b.systemInstruction?.parts],
    ...(Array.isArray(b.contents) ? b.contents : []).map((c, i) => [`contents[${i}]`, c?.parts]),
  ];
  for (const [name, parts] of where) {
    const j = Array.isArray(parts) ? parts.findIndex((p) => !hasData(p)) : -1;
    if (j < 0) continue;
    return invalidArgument(
      api === 'vertex'
        ? 'Unable to submit request because it has an empty text parameter. Add a value to the parameter and try again. Learn more: https://cloud.google.com/vertex-ai/generative-ai/docs/multimodal/send-chat-prompts-gemini'
        : `* GenerateContentRequest.${name}.parts[${j}].data: required oneof field 'data' must have one initialized field\n`,
    );
  }
  return null;
}

const LEVELS = ['minimal', 'low', 'medium', 'high'];

/**
 * thinkingConfig as Google checks it, per model from the registry data (like the SDK): the levels
 * each Gemini 3 model takes ("Thinking level MEDIUM is not supported for this model. Please retry
 * with other thinking level."), the budget range of each 2.5 model ("The thinking budget (52428) is
 * invalid."; 0 turns thinking off except on Pro, -1 is dynamic), and no level on 2.x models.
 */
export function checkThinking(tc, model) {
  if (!isObject(tc)) return null;
  if (tc.thinkingLevel !== undefined && tc.thinkingBudget !== undefined)
    return invalidArgument('You can only set only one of thinking budget and thinking level.');
  const known = googleModel(model);
  const levels = known ? known.efforts : isGemini3(model) ? LEVELS : [];
  if (tc.thinkingLevel !== undefined) {
    if (!levels.length) return invalidArgument('Thinking level is not supported for this model.');
    if (!levels.includes(String(tc.thinkingLevel).toLowerCase()))
      return invalidArgument(
        `Thinking level ${tc.thinkingLevel} is not supported for this model. Please retry with other thinking level.`,
      );
  }
  const budget = tc.thinkingBudget;
  if (budget === undefined || budget === -1) return null;
  if (budget === 0 && /^gemini-[\d.]+-pro/.test(model))
    return invalidArgument('Budget 0 is invalid. This model only works in thinking mode.');
  const [min, max] = known?.budget ?? [];
  if (budget !== 0 && min !== undefined && (budget < min || budget > max))
    return invalidArgument(`The thinking budget (${budget}) is invalid.`);
  return null;
}

/**
 * generationConfig members that need another: a response schema needs a JSON MIME type (spec,
 * GenerationConfig.responseSchema: "If set, a compatible response_mime_type must also be set").
 */
export function checkGeneration(gen) {
  const schema = gen.responseJsonSchema !== undefined || gen.responseSchema !== undefined;
  if (schema && gen.responseMimeType !== 'application/json')
    return invalidArgument(
      `* GenerateContentRequest.generation_config.response_mime_type: must be application/json when a response schema is set; got ${JSON.stringify(gen.responseMimeType ?? 'text/plain')}.\n`,
    );
  return null;
}

/**
 * Function calling together with a JSON response: Gemini 3 models take both (structured output with
 * tools), earlier models refuse them with 400 INVALID_ARGUMENT "Function calling with a response mime
 * type: 'application/json' is unsupported" unless function calling is off (mode NONE), as reported
 * against gemini-1.5 and gemini-2.5-flash/pro (google-gemini/deprecated-generative-ai-swift#195,
 * google/adk-python#5735).
 */
export function checkToolsWithJson(b, gen, model) {
  if (isGemini3(model) || gen.responseMimeType !== 'application/json') return null;
  const declared = (Array.isArray(b.tools) ? b.tools : []).some(
    (t) => Array.isArray(t?.functionDeclarations) && t.functionDeclarations.length > 0,
  );
  if (!declared || b.toolConfig?.functionCallingConfig?.mode === 'NONE') return null;
  return invalidArgument(
    "Function calling with a response mime type: 'application/json' is unsupported",
  );
}

/**
 * toolConfig as Google checks it: a function calling config needs function declarations ("Function
 * calling config is set without function_declarations."), and allowedFunctionNames is taken only with
 * mode ANY or VALIDATED (spec, FunctionCallingConfig.allowedFunctionNames).
 */
export function checkToolConfig(b) {
  const fcc = b.toolConfig?.functionCallingConfig;
  if (!isObject(fcc)) return null;
  const declared = (Array.isArray(b.tools) ? b.tools : []).some((t) =>
    Array.isArray(t?.functionDeclarations),
  );
  if (!declared)
    return invalidArgument('Function calling config is set without function_declarations.');
  const mode = fcc.mode ?? 'AUTO';
  if (fcc.allowedFunctionNames !== undefined && mode !== 'ANY' && mode !== 'VALIDATED')
    return invalidArgument(
      `* GenerateContentRequest.tool_config.function_calling_config.allowed_function_names: allowed_function_names should only be set when the mode is ANY or VALIDATED; mode is ${mode}.\n`,
    );
  return null;
}

/**
 * `serviceTier` (gemini-openapi.json GenerateContentRequest: unspecified, standard, flex, priority)
 * on the Gemini API, for models that offer the tier (registry data; Gemini 3 for unknown ids).
 * Vertex AI's GenerateContentRequest has no such member: checkFields refuses it there.
 */
export function checkServiceTier(b, model) {
  const tier = b.serviceTier;
  if (tier === undefined) return null;
  if (!['unspecified', 'standard', 'flex', 'priority'].includes(tier))
    return invalidArgument(
      `Invalid value at 'service_tier' (type.googleapis.com/google.ai.generativelanguage.v1beta.GenerateContentRequest.ServiceTier), "${tier}"`,
    );
  if (tier !== 'flex' && tier !== 'priority') return null;
  const known = googleModel(model);
  const offered = known ? known[`${tier}Tier`] : isGemini3(model);
  return offered ? null : invalidArgument(`Service tier ${tier} is not supported for this model.`);
}

// Function names: "Must start with a letter or an underscore. Must be alphameric (a-z, A-Z, 0-9),
// underscores (_), dots (.), colons (:), or dashes (-), with a maximum length of 64." (the API's
// 400, as users report it; the same rule is in both APIs' FunctionDeclaration.name).
const FUNCTION_NAME = /^[a-zA-Z_][a-zA-Z0-9_.:-]{0,63}$/;

/** Function declarations with names Google refuses; or null. */
export function checkFunctionNames(b) {
  for (const [i, tool] of (Array.isArray(b.tools) ? b.tools : []).entries()) {
    for (const [j, d] of (tool?.functionDeclarations ?? []).entries()) {
      if (typeof d?.name === 'string' && FUNCTION_NAME.test(d.name)) continue;
      return invalidArgument(
        `* GenerateContentRequest.tools[${i}].function_declarations[${j}].name: Invalid function name. Must start with a letter or an underscore. Must be alphameric (a-z, A-Z, 0-9), underscores (_), dots (.), colons (:), or dashes (-), with a maximum length of 64.\n`,
      );
    }
  }
  return null;
}
