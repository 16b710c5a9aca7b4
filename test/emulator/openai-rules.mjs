// OpenAI's request rules beyond the body's shape, enforced as strictly as the API does, with its
// status and messages: models (known ids when the scenario sets strictModels, chat vs completion
// models), reasoning models' refused parameters (from the registry data, like the SDK), tools and
// tool_choice, tool results paired with calls, and strict JSON schemas.
import { apiError, badRequest, isObject, isReasoningModel, missing } from './openai-common.mjs';
import { effortError, grammarError, serviceTierError } from './openai-effort-rules.mjs';
import { nameError, strictSchemaError } from './openai-strict-schema.mjs';
import { knowsChatModel, openaiModel } from './registry-data.mjs';

// What reasoning models refuse (OpenAI's reasoning guide). temperature is handled apart: only a
// value other than the default 1 is refused.
const REFUSED = [
  'top_p',
  'presence_penalty',
  'frequency_penalty',
  'logprobs',
  'top_logprobs',
  'logit_bias',
  'stop',
];

/** The registry's word on a model, or the name rule for ids it does not know. */
function traits(model) {
  const known = openaiModel(model);
  if (known) {
    // The chat variants that take sampling (gpt-5-chat-latest) still take max_tokens; the SDK sends
    // them max_completion_tokens, which every model takes.
    return {
      noSampling: !known.temperature,
      needsMaxCompletionTokens: known.requiresMaxCompletionTokens && !known.temperature,
      completionsOnly: known.completionsOnly,
    };
  }
  const reasoning = isReasoningModel(model);
  const completionsOnly = /^(ft:)?(gpt-3\.5-turbo-instruct|davinci-002|babbage-002)/.test(model);
  return { noSampling: reasoning, needsMaxCompletionTokens: reasoning, completionsOnly };
}

/** A chat model, as /v1/completions tells them apart (unknown ids, such as vLLM's, are served). */
export const isOpenAIChatModel = (model) =>
  (openaiModel(model) !== undefined || /^(gpt-|o\d|chatgpt-)/.test(model)) &&
  !traits(model).completionsOnly;

const unsupported = (param) =>
  badRequest(
    `Unsupported parameter: '${param}' is not supported with this model.`,
    param,
    'unsupported_parameter',
  );

/** With `strictModels`, ids no registry slice knows get OpenAI's 404. */
export function unknownModelError(b, scenario) {
  if (!scenario.strictModels || knowsChatModel(b.model)) return null;
  return apiError(404, `The model \`${b.model}\` does not exist or you do not have access to it.`, {
    code: 'model_not_found',
  });
}

/** Parameters the model refuses (token limit name, sampling on reasoning models). */
export function parameterError(b) {
  const t = traits(b.model);
  if (t.needsMaxCompletionTokens && b.max_tokens !== undefined && b.max_tokens !== null) {
    return badRequest(
      "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
      'max_tokens',
      'unsupported_parameter',
    );
  }
  if (!t.noSampling) return null;
  if (b.temperature !== undefined && b.temperature !== null && b.temperature !== 1) {
    return badRequest(
      `Unsupported value: 'temperature' does not support ${b.temperature} with this model. Only the default (1) value is supported.`,
      'temperature',
      'unsupported_value',
    );
  }
  const refused = REFUSED.find((p) => b[p] !== undefined && b[p] !== null && b[p] !== false);
  return refused ? unsupported(refused) : null;
}

const CHOICES = new Set(['none', 'auto', 'required']);

/**
 * tool_choice as OpenAI checks it: one of its three words, `{ type: 'function', function: { name } }`
 * naming a declared function, or `{ type: 'custom', custom: { name } }` naming a declared custom
 * tool (the wording of the unknown-name error is the API's, as users report it).
 */
function toolChoiceError(b) {
  const tc = b.tool_choice;
  if (tc === undefined || tc === null || b.tools === undefined) return null;
  if (typeof tc === 'string') {
    if (CHOICES.has(tc)) return null;
    return badRequest(
      `Invalid value: '${tc}'. Supported values are: 'none', 'auto', and 'required'.`,
      'tool_choice',
      'invalid_value',
    );
  }
  const kind = isObject(tc) && tc.type === 'custom' ? 'custom' : 'function';
  const name = isObject(tc) && tc.type === kind ? tc[kind]?.name : undefined;
  if (typeof name !== 'string')
    return badRequest(`Missing required parameter: 'tool_choice.${kind}.name'.`, 'tool_choice');
  const tools = Array.isArray(b.tools) ? b.tools : [];
  if (tools.some((t) => t?.type === kind && t[kind]?.name === name)) return null;
  return badRequest(`Tool choice '${name}' not found in 'tools' parameter.`, 'tool_choice');
}

function toolsError(b) {
  if (Array.isArray(b.tools) && b.tools.length === 0) {
    return badRequest(
      "Invalid 'tools': empty array. Expected an array with minimum length 1, but got an empty array instead.",
      'tools',
      'empty_array',
    );
  }
  if (b.tool_choice !== undefined && b.tool_choice !== null && b.tools === undefined) {
    return badRequest(
      "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.",
      'tool_choice',
    );
  }
  const choiceError = toolChoiceError(b);
  if (choiceError) return choiceError;
  for (const [i, tool] of (Array.isArray(b.tools) ? b.tools : []).entries()) {
    if (tool?.type === 'custom') {
      const problem = grammarError(tool.custom?.format, `tools[${i}].custom.format`);
      if (problem) return problem;
      continue;
    }
    const fn = tool?.function;
    if (tool?.type !== 'function' || !isObject(fn)) continue;
    const param = `tools[${i}].function.name`;
    const badName = nameError(param, fn.name);
    if (badName) return badRequest(badName, param, 'invalid_value');
    const problem = fn.strict === true ? strictSchemaError(fn.parameters) : null;
    if (problem) {
      return badRequest(
        `Invalid schema for function '${fn.name}': ${problem}`,
        `tools[${i}].function.parameters`,
        'invalid_function_parameters',
      );
    }
  }
  return null;
}

function responseFormatError(b) {
  const js = b.response_format?.type === 'json_schema' ? b.response_format.json_schema : undefined;
  if (!isObject(js) || typeof js.name !== 'string') return null;
  const param = 'response_format.json_schema.name';
  const badName = nameError(param, js.name);
  if (badName) return badRequest(badName, param, 'invalid_value');
  const problem = js.strict === true ? strictSchemaError(js.schema) : null;
  if (!problem) return null;
  return badRequest(
    `Invalid schema for response_format '${js.name}': ${problem}`,
    'response_format',
    'invalid_json_schema',
  );
}

/** Tool results must answer the calls of the assistant turn before them, every one of them. */
function toolTurnsError(messages) {
  let open = null;
  let openAt = -1;
  const unanswered = () =>
    open?.size
      ? badRequest(
          `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${[...open].join(', ')}`,
          `messages.[${openAt}].role`,
        )
      : null;
  for (const [i, m] of messages.entries()) {
    if (m.role === 'tool') {
      if (!open?.delete(m.tool_call_id)) {
        return badRequest(
          "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
          `messages.[${i}].role`,
        );
      }
      continue;
    }
    const error = unanswered();
    if (error) return error;
    open = null;
    if (m.role === 'assistant' && Array.isArray(m.tool_calls) && m.tool_calls.length) {
      open = new Set(m.tool_calls.map((c) => c?.id));
      openAt = i;
    }
  }
  return unanswered();
}

const PART_TYPES = new Set(['text', 'image_url', 'input_audio', 'refusal', 'audio', 'file']);

/** Content parts of user and system turns: OpenAI's part types, each with its required member. */
function contentPartsError(messages) {
  for (const [i, m] of messages.entries()) {
    if (!Array.isArray(m.content) || m.role === 'assistant' || m.role === 'tool') continue;
    for (const [j, part] of m.content.entries()) {
      const param = `messages[${i}].content[${j}]`;
      if (!PART_TYPES.has(part?.type)) {
        return badRequest(
          `Invalid value: '${part?.type}'. Supported values are: 'text', 'image_url', 'input_audio', 'refusal', 'audio', and 'file'.`,
          `${param}.type`,
          'invalid_value',
        );
      }
      if (part.type === 'text' && typeof part.text !== 'string') return missing(`${param}.text`);
      if (part.type === 'image_url' && typeof part.image_url?.url !== 'string')
        return missing(`${param}.image_url.url`);
    }
  }
  return null;
}

/** Every rule of POST /v1/chat/completions beyond the body's shape; the first broken one. */
export function chatRulesError(b, scenario) {
  const unknown = unknownModelError(b, scenario);
  if (unknown) return unknown;
  if (traits(b.model).completionsOnly) {
    return apiError(
      404,
      'This is not a chat model and thus not supported in the v1/chat/completions endpoint. Did you mean to use v1/completions?',
    );
  }
  return (
    parameterError(b) ??
    effortError(b.model, b.reasoning_effort, 'reasoning_effort') ??
    serviceTierError(b.model, b.service_tier) ??
    toolsError(b) ??
    responseFormatError(b) ??
    contentPartsError(b.messages) ??
    toolTurnsError(b.messages)
  );
}
