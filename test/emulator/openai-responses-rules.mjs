// The request rules of POST /v1/responses, as strict as OpenAI's, with its status and messages:
//   - Chat Completions names: `max_tokens`/`max_completion_tokens` ("In the Responses API, this
//     parameter has moved to 'max_output_tokens'"), `messages` (to 'input'), `response_format` (to
//     'text.format'), `reasoning_effort` (to 'reasoning.effort'); `stop`, `seed`, `n` are unknown;
//   - `max_output_tokens` of at least 16 (openai-openapi.yaml CreateResponse), `store` a boolean;
//   - `previous_response_id` only of a stored response (400 previous_response_not_found), never with
//     `conversation`;
//   - reasoning effort and summary, service tier, sampling on reasoning models (registry data);
//   - tools: function tools need a name and parameters, strict ones a strict schema; custom tools a
//     lark or regex grammar; a `tool_choice` naming a tool must find it;
//   - input items: tool outputs must answer a call ("No tool call found for function call output
//     with call_id …"); a reasoning item without encrypted content when `store` is false is 404
//     "Item with id 'rs_…' not found. Items are not persisted when `store` is set to false. …";
//     encrypted content must be the emulator's own.
import { apiError, badRequest, invalidType, isObject, missing } from './openai-common.mjs';
import { grammarError, reasoningError, serviceTierError } from './openai-effort-rules.mjs';
import { parameterError } from './openai-rules.mjs';
import { nameError, strictSchemaError } from './openai-strict-schema.mjs';

const MOVED = {
  max_tokens: 'max_output_tokens',
  max_completion_tokens: 'max_output_tokens',
  messages: 'input',
  response_format: 'text.format',
  reasoning_effort: 'reasoning.effort',
};
const UNKNOWN = ['stop', 'seed', 'n', 'frequency_penalty', 'presence_penalty', 'logit_bias'];
const INCLUDES = new Set([
  'web_search_call.action.sources',
  'code_interpreter_call.outputs',
  'computer_call_output.output.image_url',
  'file_search_call.results',
  'message.input_image.image_url',
  'message.output_text.logprobs',
  'reasoning.encrypted_content',
]);
const ITEM_TYPES = new Set([
  'message',
  'reasoning',
  'function_call',
  'function_call_output',
  'custom_tool_call',
  'custom_tool_call_output',
  'item_reference',
]);

/** The encrypted content the emulator gives a reasoning item (checked when it comes back). */
export const encryptReasoning = (id) => `gAAAA${Buffer.from(`alea:${id}`).toString('base64')}`;

function parameterRules(b) {
  for (const [key, to] of Object.entries(MOVED)) {
    if (b[key] !== undefined)
      return badRequest(
        `Unsupported parameter: '${key}'. In the Responses API, this parameter has moved to '${to}'.`,
        key,
        'unsupported_parameter',
      );
  }
  const unknown = UNKNOWN.find((k) => b[k] !== undefined);
  if (unknown) return badRequest(`Unknown parameter: '${unknown}'.`, unknown, 'unknown_parameter');
  if (b.stream !== undefined && b.stream !== null && typeof b.stream !== 'boolean')
    return invalidType('stream', 'a boolean', b.stream);
  if (b.stream_options != null) {
    if (!b.stream)
      return badRequest(
        "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
        'stream_options',
      );
    // ResponseStreamOptions has only include_obfuscation (Chat Completions' include_usage is not one).
    const extra = Object.keys(b.stream_options).find((k) => k !== 'include_obfuscation');
    if (extra)
      return badRequest(
        `Unknown parameter: 'stream_options.${extra}'.`,
        `stream_options.${extra}`,
        'unknown_parameter',
      );
  }
  const limit = b.max_output_tokens;
  if (limit !== undefined && limit !== null) {
    if (!Number.isInteger(limit)) return invalidType('max_output_tokens', 'an integer', limit);
    if (limit < 16)
      return badRequest(
        `Invalid 'max_output_tokens': integer below minimum value. Expected a value >= 16, but got ${limit} instead.`,
        'max_output_tokens',
        'integer_below_min_value',
      );
  }
  if (b.store !== undefined && b.store !== null && typeof b.store !== 'boolean')
    return invalidType('store', 'a boolean', b.store);
  for (const [i, value] of (Array.isArray(b.include) ? b.include : []).entries()) {
    if (!INCLUDES.has(value))
      return badRequest(`Invalid value: '${value}'.`, `include[${i}]`, 'invalid_value');
  }
  // Sampling on reasoning models: the Chat Completions rule, minus its token-limit names.
  return parameterError({ model: b.model, temperature: b.temperature, top_p: b.top_p });
}

function toolRules(b) {
  const tools = Array.isArray(b.tools) ? b.tools : [];
  for (const [i, tool] of tools.entries()) {
    if (tool?.type === 'function') {
      const badName = nameError(`tools[${i}].name`, tool.name);
      if (badName) return badRequest(badName, `tools[${i}].name`, 'invalid_value');
      if (!isObject(tool.parameters)) return missing(`tools[${i}].parameters`);
      const problem = tool.strict === true ? strictSchemaError(tool.parameters) : null;
      if (problem)
        return badRequest(
          `Invalid schema for function '${tool.name}': ${problem}`,
          `tools[${i}].parameters`,
          'invalid_function_parameters',
        );
    } else if (tool?.type === 'custom') {
      if (typeof tool.name !== 'string' || !tool.name) return missing(`tools[${i}].name`);
      const problem = grammarError(tool.format, `tools[${i}].format`);
      if (problem) return problem;
    }
  }
  const tc = b.tool_choice;
  if (tc === undefined || tc === null || tc === 'auto' || tc === 'none') return null;
  // ToolChoiceOptions: the same three words as Chat Completions, and the same error.
  if (typeof tc === 'string' && tc !== 'required')
    return badRequest(
      `Invalid value: '${tc}'. Supported values are: 'none', 'auto', and 'required'.`,
      'tool_choice',
      'invalid_value',
    );
  if (!tools.length)
    return badRequest(
      "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.",
      'tool_choice',
    );
  if (isObject(tc) && (tc.type === 'function' || tc.type === 'custom')) {
    if (!tools.some((t) => t?.type === tc.type && t.name === tc.name))
      return badRequest(`Tool choice '${tc.name}' not found in 'tools' parameter.`, 'tool_choice');
  }
  return null;
}

/** The items of earlier turns this request may refer to: its input, and a previous response. */
function inputRules(b, previous, issued) {
  const items = Array.isArray(b.input) ? b.input : [];
  const calls = new Set(previous?.calls ?? []);
  for (const [i, item] of items.entries()) {
    if (!isObject(item)) return invalidType(`input[${i}]`, 'an object', item);
    const type = item.type ?? 'message';
    if (!ITEM_TYPES.has(type))
      return badRequest(`Invalid value: '${type}'.`, `input[${i}].type`, 'invalid_value');
    if (type === 'function_call' || type === 'custom_tool_call') {
      if (typeof item.call_id !== 'string') return missing(`input[${i}].call_id`);
      calls.add(item.call_id);
    } else if (type === 'function_call_output' || type === 'custom_tool_call_output') {
      if (!calls.has(item.call_id)) {
        const kind = type === 'function_call_output' ? 'function call' : 'custom tool call';
        return badRequest(
          `No tool call found for ${kind} output with call_id ${item.call_id}.`,
          'input',
        );
      }
    } else if (type === 'reasoning') {
      if (typeof item.id !== 'string') return missing(`input[${i}].id`);
      if (!Array.isArray(item.summary)) return missing(`input[${i}].summary`);
      if (typeof item.encrypted_content === 'string') {
        if (item.encrypted_content !== encryptReasoning(item.id))
          return badRequest(
            `The encrypted content for item ${item.id} could not be verified.`,
            'input',
            'invalid_encrypted_content',
          );
      } else if (b.store === false) {
        return apiError(
          404,
          `Item with id '${item.id}' not found. Items are not persisted when \`store\` is set to false. Try again with \`store\` set to true, or remove this item from your input.`,
          { param: 'input' },
        );
      } else if (!issued.has(item.id)) {
        return apiError(404, `Item with id '${item.id}' not found.`, { param: 'input' });
      }
    }
  }
  return null;
}

/**
 * Every rule of POST /v1/responses beyond the body's basic shape; the first broken one, or null.
 * @param b - The body.
 * @param stored - The scenario's stored responses: id → { calls: call ids }.
 * @param issued - Reasoning item ids the scenario's stored responses gave out.
 */
export function responsesRulesError(b, stored, issued) {
  const params = parameterRules(b);
  if (params) return params;
  if (b.previous_response_id !== undefined && b.previous_response_id !== null) {
    if (b.conversation !== undefined && b.conversation !== null)
      return badRequest(
        "Mutually exclusive parameters: Ensure you are only providing one of: 'previous_response_id' or 'conversation'.",
        null,
        'mutually_exclusive_parameters',
      );
    if (!stored.has(b.previous_response_id))
      return badRequest(
        `Previous response with id '${b.previous_response_id}' not found.`,
        'previous_response_id',
        'previous_response_not_found',
      );
  }
  return (
    reasoningError(b.model, b.reasoning) ??
    serviceTierError(b.model, b.service_tier) ??
    toolRules(b) ??
    inputRules(b, stored.get(b.previous_response_id), issued)
  );
}
