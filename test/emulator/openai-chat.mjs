// POST /v1/chat/completions (also the xAI and vLLM chat endpoint). Shapes follow
// CreateChatCompletionResponse / CreateChatCompletionStreamResponse / CompletionUsage in
// /work/shared/specs/openai-openapi.yaml; error messages are those the real API sends.
import {
  SYSTEM_FINGERPRINT,
  REASONING_TOKENS,
  badRequest,
  missing,
  invalidType,
  randomId,
  stableId,
  nowSeconds,
  countWords,
  truncateWords,
  contentText,
  isReasoningModel,
  hasJsonWord,
  mergeUsage,
  isObject,
} from './openai-common.mjs';
import { jsonFromSchema } from './json-from-schema.mjs';
import { chatRulesError } from './openai-rules.mjs';
import { chatStream } from './openai-chat-stream.mjs';

const ROLES = ['system', 'assistant', 'user', 'function', 'tool', 'developer'];
export { sse, DONE } from './openai-chat-stream.mjs';

/** Common model-level checks shared by chat and completions. */
export function checkModel(b) {
  if (!isObject(b)) return badRequest('Invalid request body: expected a JSON object.');
  if (typeof b.model !== 'string' || b.model === '')
    return badRequest('you must provide a model parameter');
  if (b.n !== undefined && b.n !== null && (!Number.isInteger(b.n) || b.n < 1 || b.n > 128)) {
    return badRequest(
      `Invalid 'n': integer below minimum value. Expected a value >= 1, but got ${JSON.stringify(b.n)} instead.`,
      'n',
      'integer_below_min_value',
    );
  }
  if (b.stream_options != null && !b.stream) {
    return badRequest(
      "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
      'stream_options',
    );
  }
  return null;
}

/**
 * Structured-output text for chat: response_format (OpenAI, also accepted by vLLM), vLLM >= 0.12
 * `structured_outputs`, and vLLM <= 0.11 `guided_json` / `guided_choice`. Returns
 * { text } | { error } | null (no structured output requested).
 */
function structuredText(b, lastUser, texts) {
  const rf = b.response_format;
  if (isObject(rf) && rf.type === 'json_object') {
    // OpenAI refuses json_object unless the conversation mentions JSON (avoids endless whitespace).
    if (!hasJsonWord(texts)) {
      return {
        error: badRequest(
          "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
          'messages',
        ),
      };
    }
    return { text: JSON.stringify({ echo: lastUser }) };
  }
  if (isObject(rf) && rf.type === 'json_schema') {
    if (!isObject(rf.json_schema)) return { error: missing('response_format.json_schema') };
    if (typeof rf.json_schema.name !== 'string' || !rf.json_schema.name) {
      return { error: missing('response_format.json_schema.name') };
    }
    return { text: JSON.stringify(jsonFromSchema(rf.json_schema.schema ?? {})) };
  }
  const so = b.structured_outputs;
  if (isObject(so)) {
    // vLLM takes exactly one constraint (StructuredOutputsParams: "You can only use one kind of
    // structured outputs constraint").
    const kinds = ['json', 'regex', 'choice', 'grammar', 'json_object', 'structural_tag'].filter(
      (k) => so[k] !== undefined && so[k] !== null && so[k] !== false,
    );
    if (kinds.length !== 1) {
      return {
        error: badRequest(
          `You can only use one kind of structured outputs constraint but multiple were specified: ${JSON.stringify(so)}`,
        ),
      };
    }
    if (so.json !== undefined) return { text: JSON.stringify(jsonFromSchema(so.json)) };
    if (Array.isArray(so.choice) && so.choice.length) return { text: String(so.choice[0]) };
    if (so.json_object) return { text: JSON.stringify({ echo: lastUser }) };
    // A grammar or regex: the scenario's `reply.text` stands for the constrained answer.
    return { text: 'yes' };
  }
  if (b.guided_json !== undefined) return { text: JSON.stringify(jsonFromSchema(b.guided_json)) };
  if (Array.isArray(b.guided_choice) && b.guided_choice.length)
    return { text: String(b.guided_choice[0]) };
  if (typeof b.guided_regex === 'string' || typeof b.guided_grammar === 'string')
    return { text: 'yes' };
  // llama.cpp's server: a GBNF grammar in `grammar`.
  if (typeof b.grammar === 'string') return { text: 'yes' };
  return null;
}

/** The calls a forcing tool_choice makes the model send: the named function, or the first one. */
function forcedCalls(b) {
  const tc = b.tool_choice;
  const named = isObject(tc) ? tc.function?.name : undefined;
  if (tc !== 'required' && named === undefined) return null;
  const fn = b.tools
    .map((t) => t?.function)
    .find((f) => f && (named === undefined || f.name === named));
  return fn
    ? [{ name: fn.name, arguments: jsonFromSchema(fn.parameters ?? { type: 'object' }) }]
    : null;
}

/** The tool calls of the answer: the scenario's, else what tool_choice forces; none for 'none'. */
function toolCallsFor(reply, b) {
  if (!Array.isArray(b.tools) || b.tools.length === 0 || b.tool_choice === 'none') return null;
  // A forced custom tool (tool_choice { type: 'custom', custom: { name } }): its input is the answer.
  const forced = b.tool_choice?.type === 'custom' ? b.tool_choice.custom?.name : undefined;
  if (forced) {
    const scripted = reply?.toolCalls?.find((/** @type {any} */ c) => c.name === forced);
    const input =
      typeof scripted?.arguments === 'string' ? scripted.arguments : (reply?.text ?? 'yes');
    return [
      { id: stableId('call_', forced, input), type: 'custom', custom: { name: forced, input } },
    ];
  }
  const calls = Array.isArray(reply?.toolCalls) ? reply.toolCalls : forcedCalls(b);
  if (!calls) return null;
  return calls.map((tc, i) => {
    const args =
      typeof tc.arguments === 'string' ? tc.arguments : JSON.stringify(tc.arguments ?? {});
    const tool = b.tools.find((t) => t?.custom?.name === tc.name);
    // `reply.noToolCallIds`: llama.cpp before #12292 sent calls without ids; `reply.objectArguments`:
    // llama-server's --tool-args-object sends the arguments as a JSON object (llama.cpp#20198).
    const id = reply?.noToolCallIds ? undefined : (tc.id ?? stableId('call_', tc.name, args, i));
    const fn = { name: tc.name, arguments: reply?.objectArguments ? JSON.parse(args) : args };
    return tool
      ? { id, type: 'custom', custom: { name: tc.name, input: tc.arguments } }
      : { id, type: 'function', function: fn };
  });
}

export function chatCompletions(ctx) {
  const b = ctx.body;
  const reply = ctx.scenario.reply ?? {};
  const modelError = checkModel(b);
  if (modelError) return modelError;
  if (b.messages === undefined) return missing('messages');
  if (!Array.isArray(b.messages)) return invalidType('messages', 'an array of objects', b.messages);
  if (b.messages.length === 0) {
    return badRequest(
      "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
      'messages',
      'empty_array',
    );
  }
  for (const [i, m] of b.messages.entries()) {
    if (!isObject(m)) return invalidType(`messages[${i}]`, 'an object', m);
    if (m.role === undefined) return missing(`messages[${i}].role`);
    if (!ROLES.includes(m.role)) {
      return badRequest(
        `Invalid value: '${m.role}'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.`,
        `messages[${i}].role`,
        'invalid_value',
      );
    }
    if (['system', 'user', 'developer', 'tool'].includes(m.role) && m.content === undefined)
      return missing(`messages[${i}].content`);
  }
  const ruleError = chatRulesError(b, ctx.scenario);
  if (ruleError) return ruleError;
  const reasoning = isReasoningModel(b.model);

  const texts = b.messages.map((m) => contentText(m.content));
  const lastUser = contentText([...b.messages].reverse().find((m) => m.role === 'user')?.content);
  const structured = structuredText(b, lastUser, texts);
  if (structured?.error) return structured.error;
  const text = reply.text ?? structured?.text ?? `Echo: ${lastUser}`;
  const maxTokens = b.max_completion_tokens ?? b.max_tokens;
  const toolCalls = toolCallsFor(reply, b);
  const reasoningField = reply.reasoningField ?? 'reasoning_content';

  let completionTokens = 0;
  const choices = Array.from({ length: b.n ?? 1 }, (_, index) => {
    const full = index === 0 ? text : `${text} (choice ${index})`;
    const truncated = typeof maxTokens === 'number' && countWords(full) > maxTokens;
    const content = truncated ? truncateWords(full, maxTokens) : full;
    // `reply.refusal`: the model declines (structured outputs' refusals): no content, the refusal.
    const refusal = typeof reply.refusal === 'string' ? reply.refusal : null;
    const message = {
      role: 'assistant',
      content: toolCalls || refusal ? null : content,
      refusal,
      annotations: [],
    };
    if (typeof reply.reasoning === 'string') message[reasoningField] = reply.reasoning;
    if (toolCalls) message.tool_calls = toolCalls;
    completionTokens += toolCalls
      ? toolCalls.reduce((n, t) => n + countWords(t.function?.arguments ?? t.custom.input), 0)
      : countWords(refusal ?? content);
    const finish = reply.finishReason ?? (toolCalls ? 'tool_calls' : truncated ? 'length' : 'stop');
    return { index, message, logprobs: null, finish_reason: finish };
  });
  const reasoningTokens = (reasoning ? REASONING_TOKENS : 0) + countWords(reply.reasoning);
  const promptTokens = texts.reduce((n, t) => n + countWords(t), 0);
  const usage = mergeUsage(
    {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens + reasoningTokens,
      total_tokens: promptTokens + completionTokens + reasoningTokens,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: reasoningTokens,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    },
    reply.usage,
  );
  const head = { id: randomId('chatcmpl-'), created: nowSeconds(), model: reply.model ?? b.model };

  if (b.stream) return { sse: chatStream(head, choices, usage, b, reply) };
  return {
    json: {
      id: head.id,
      object: 'chat.completion',
      created: head.created,
      model: head.model,
      choices,
      usage,
      service_tier: 'default',
      system_fingerprint: SYSTEM_FINGERPRINT,
    },
  };
}
