// POST /v1/responses: the OpenAI Responses API (spec schemas Response, OutputItem, ResponseUsage,
// CustomToolCall, FunctionToolCall, ReasoningItem and the ResponseStreamEvent family).
// `output_text` is deliberately absent: it is an SDK-side convenience, not a wire field.
import {
  REASONING_TOKENS,
  badRequest,
  missing,
  invalidType,
  hexId,
  stableId,
  nowSeconds,
  countWords,
  splitWords,
  streamPieces,
  truncateWords,
  contentText,
  isReasoningModel,
  hasJsonWord,
  mergeUsage,
  isObject,
  dialect,
} from './openai-common.mjs';
import { strictSchemaError } from './openai-strict-schema.mjs';
import { jsonFromSchema } from './json-from-schema.mjs';
import { encryptReasoning, responsesRulesError } from './openai-responses-rules.mjs';

// Responses kept on the "server" (store not false), per scenario, for previous_response_id: the
// call ids and reasoning item ids they hold.
const storedByScenario = new Map();
function storeOf(scenarioId) {
  if (!storedByScenario.has(scenarioId))
    storedByScenario.set(scenarioId, { responses: new Map(), reasoning: new Set() });
  return storedByScenario.get(scenarioId);
}

/** Flattens `input` (string or item list) into [{ role, text }] for echo and token counting. */
function inputMessages(input) {
  if (typeof input === 'string') return [{ role: 'user', text: input }];
  if (!Array.isArray(input)) return [];
  return input
    .filter((it) => isObject(it) && (it.type === undefined || it.type === 'message'))
    .map((it) => ({ role: it.role, text: contentText(it.content) }));
}

/** Output items for tool calls, or null when the model would answer with text. */
function toolItems(b, reply, suffix) {
  const tools = Array.isArray(b.tools) ? b.tools : [];
  const custom = tools.filter((t) => t?.type === 'custom');
  const tc = b.tool_choice;
  const customCall = (tool, input, i = 0) => ({
    type: 'custom_tool_call',
    id: `ctc_${suffix}${i || ''}`,
    call_id: stableId('call_', tool.name, input, i),
    name: tool.name,
    input,
    status: 'completed',
  });
  if (Array.isArray(reply.toolCalls) && tools.length) {
    return reply.toolCalls.map((call, i) => {
      const tool = tools.find((t) => t?.name === call.name);
      if (tool?.type === 'custom') {
        return customCall(
          tool,
          typeof call.arguments === 'string' ? call.arguments : (reply.text ?? 'yes'),
          i,
        );
      }
      const args =
        typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments ?? {});
      return {
        type: 'function_call',
        id: `fc_${suffix}${i || ''}`,
        call_id: call.id ?? stableId('call_', call.name, args, i),
        name: call.name,
        arguments: args,
        status: 'completed',
      };
    });
  }
  // tool_choice {type:"custom", name} (or "required" with a custom tool) forces a grammar call.
  const forced =
    isObject(tc) && tc.type === 'custom'
      ? custom.find((t) => t.name === tc.name)
      : tc === 'required'
        ? custom[0]
        : undefined;
  if (isObject(tc) && tc.type === 'custom' && !forced)
    return {
      error: badRequest(`Tool choice '${tc.name}' not found in 'tools' parameter.`, 'tool_choice'),
    };
  return forced ? [customCall(forced, reply.text ?? 'yes')] : null;
}

function responses(ctx) {
  const b = ctx.body;
  const reply = ctx.scenario.reply ?? {};
  if (!isObject(b)) return badRequest('Invalid request body: expected a JSON object.');
  if (typeof b.model !== 'string' || b.model === '') return missing('model');
  if (b.input === undefined && !b.previous_response_id && !b.conversation && !b.prompt)
    return missing('input');
  if (b.input !== undefined && typeof b.input !== 'string' && !Array.isArray(b.input)) {
    return invalidType('input', 'one of a string or array of objects', b.input);
  }
  const store = storeOf(ctx.scenario.id);
  const ruleError = responsesRulesError(b, store.responses, store.reasoning);
  if (ruleError) return ruleError;
  const reasoning = isReasoningModel(b.model);

  const msgs = inputMessages(b.input);
  const texts = [
    typeof b.instructions === 'string' ? b.instructions : '',
    ...msgs.map((m) => m.text),
  ];
  const lastUser = [...msgs].reverse().find((m) => m.role === 'user')?.text ?? '';
  let structured;
  const fmt = b.text?.format;
  if (isObject(fmt) && fmt.type === 'json_object') {
    if (!hasJsonWord(texts)) {
      return badRequest(
        "Response input messages must contain the word 'json' in some form to use 'text.format' of type 'json_object'.",
        'input',
      );
    }
    structured = JSON.stringify({ echo: lastUser });
  } else if (isObject(fmt) && fmt.type === 'json_schema') {
    if (typeof fmt.name !== 'string' || !fmt.name) return missing('text.format.name');
    if (!isObject(fmt.schema)) return missing('text.format.schema');
    const problem = fmt.strict === true ? strictSchemaError(fmt.schema) : null;
    if (problem)
      return badRequest(
        `Invalid schema for response_format '${fmt.name}': ${problem}`,
        'text.format.schema',
        'invalid_json_schema',
      );
    structured = JSON.stringify(jsonFromSchema(fmt.schema));
  }

  const id = hexId('resp_');
  const suffix = id.slice(5);
  const created = nowSeconds();
  const output = [];
  let outputTokens = 0;
  const reasoningTokens = (reasoning ? REASONING_TOKENS : 0) + countWords(reply.reasoning);
  if (reasoning || typeof reply.reasoning === 'string') {
    const summary =
      typeof reply.reasoning === 'string'
        ? [{ type: 'summary_text', text: reply.reasoning }]
        : b.reasoning?.summary
          ? [{ type: 'summary_text', text: `**Echoing**\n\nThe user said: ${lastUser}` }]
          : [];
    const encrypted = Array.isArray(b.include) && b.include.includes('reasoning.encrypted_content');
    const rsId = `rs_${suffix}`;
    output.push({
      type: 'reasoning',
      id: rsId,
      summary,
      ...(encrypted ? { encrypted_content: encryptReasoning(rsId) } : {}),
    });
  }
  const calls = toolItems(b, reply, suffix);
  if (calls?.error) return calls.error;
  let incomplete = false;
  if (calls) {
    output.push(...calls);
    for (const c of calls) outputTokens += countWords(c.arguments ?? c.input);
  } else if (typeof reply.refusal === 'string') {
    output.push({
      type: 'message',
      id: `msg_${suffix}`,
      status: 'completed',
      role: 'assistant',
      content: [{ type: 'refusal', refusal: reply.refusal }],
    });
  } else {
    const full = reply.text ?? structured ?? `Echo: ${lastUser}`;
    incomplete = typeof b.max_output_tokens === 'number' && countWords(full) > b.max_output_tokens;
    const text = incomplete ? truncateWords(full, b.max_output_tokens) : full;
    outputTokens += countWords(text);
    output.push({
      type: 'message',
      id: `msg_${suffix}`,
      status: incomplete ? 'incomplete' : 'completed',
      role: 'assistant',
      content: [{ type: 'output_text', text, annotations: [], logprobs: [] }],
    });
  }
  const inputTokens = texts.reduce((n, t) => n + countWords(t), 0);
  const usage = mergeUsage(
    {
      input_tokens: inputTokens,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: outputTokens + reasoningTokens,
      output_tokens_details: { reasoning_tokens: reasoningTokens },
      total_tokens: inputTokens + outputTokens + reasoningTokens,
    },
    reply.usage,
  );
  const filtered = reply.finishReason === 'content_filter';
  const failed = isObject(reply.failed) ? reply.failed : null;
  const status = failed
    ? 'failed'
    : reply.finishReason === 'incomplete' || incomplete || filtered
      ? 'incomplete'
      : 'completed';
  const response = {
    id,
    object: 'response',
    created_at: created,
    status,
    completed_at: status === 'completed' ? created : null,
    background: false,
    error: failed,
    incomplete_details:
      status === 'incomplete'
        ? { reason: filtered ? 'content_filter' : 'max_output_tokens' }
        : null,
    instructions: b.instructions ?? null,
    max_output_tokens: b.max_output_tokens ?? null,
    max_tool_calls: null,
    model: reply.model ?? b.model,
    output: failed ? [] : output,
    parallel_tool_calls: b.parallel_tool_calls ?? true,
    previous_response_id: b.previous_response_id ?? null,
    reasoning: {
      effort: b.reasoning?.effort ?? (reasoning ? 'medium' : null),
      summary: b.reasoning?.summary ?? null,
    },
    service_tier: b.service_tier && b.service_tier !== 'auto' ? b.service_tier : 'default',
    store: b.store ?? true,
    temperature: b.temperature ?? 1,
    text: {
      format: isObject(fmt) ? fmt : { type: 'text' },
      verbosity: b.text?.verbosity ?? 'medium',
    },
    tool_choice: b.tool_choice ?? 'auto',
    tools: b.tools ?? [],
    top_logprobs: 0,
    top_p: b.top_p ?? 1,
    truncation: 'disabled',
    usage,
    user: null,
    metadata: b.metadata ?? {},
  };
  if (b.store !== false) {
    const callIds = output.flatMap((item) => (item.call_id ? [item.call_id] : []));
    store.responses.set(id, { calls: callIds });
    for (const item of output) if (item.type === 'reasoning') store.reasoning.add(item.id);
  }
  if (!b.stream) return { json: response };
  // `reply.done`: a LiteLLM proxy ends a Responses stream with Chat Completions' `data: [DONE]`
  // after response.completed (BerriAI/litellm#34095).
  return { sse: [...responseStream(response), ...(reply.done ? ['data: [DONE]\n\n'] : [])] };
}

/** Responses SSE: `event: <type>\ndata: <json>\n\n`, sequence_number on each, no [DONE]. */
function responseStream(response) {
  let seq = 0;
  const frames = [];
  const emit = (type, payload) =>
    frames.push(
      `event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: seq++, ...payload })}\n\n`,
    );
  const pending = {
    ...response,
    status: 'in_progress',
    completed_at: null,
    incomplete_details: null,
    output: [],
    usage: null,
  };
  emit('response.created', { response: pending });
  emit('response.in_progress', { response: pending });
  response.output.forEach((item, output_index) => {
    const at = { item_id: item.id, output_index };
    const start =
      item.type === 'message'
        ? { ...item, status: 'in_progress', content: [] }
        : item.type === 'reasoning'
          ? { ...item, summary: [] }
          : item.type === 'function_call'
            ? { ...item, status: 'in_progress', arguments: '' }
            : { ...item, status: 'in_progress', input: '' };
    emit('response.output_item.added', { output_index, item: start });
    if (item.type === 'message') {
      const part = item.content[0];
      emit('response.content_part.added', { ...at, content_index: 0, part: { ...part, text: '' } });
      for (const delta of splitWords(part.text))
        emit('response.output_text.delta', { ...at, content_index: 0, delta, logprobs: [] });
      emit('response.output_text.done', { ...at, content_index: 0, text: part.text, logprobs: [] });
      emit('response.content_part.done', { ...at, content_index: 0, part });
    } else if (item.type === 'reasoning') {
      item.summary.forEach((part, summary_index) => {
        emit('response.reasoning_summary_part.added', {
          ...at,
          summary_index,
          part: { ...part, text: '' },
        });
        for (const delta of splitWords(part.text))
          emit('response.reasoning_summary_text.delta', { ...at, summary_index, delta });
        emit('response.reasoning_summary_text.done', { ...at, summary_index, text: part.text });
        emit('response.reasoning_summary_part.done', { ...at, summary_index, part });
      });
    } else if (item.type === 'function_call') {
      for (const delta of streamPieces(item.arguments))
        emit('response.function_call_arguments.delta', { ...at, delta });
      emit('response.function_call_arguments.done', {
        ...at,
        name: item.name,
        arguments: item.arguments,
      });
    } else {
      for (const delta of streamPieces(item.input))
        emit('response.custom_tool_call_input.delta', { ...at, delta });
      emit('response.custom_tool_call_input.done', { ...at, input: item.input });
    }
    emit('response.output_item.done', { output_index, item });
  });
  // The stream's last event names how it ended (spec: ResponseCompletedEvent, ResponseIncompleteEvent,
  // ResponseFailedEvent, each carrying the whole Response).
  const last = { completed: 'response.completed', incomplete: 'response.incomplete' };
  emit(last[response.status] ?? 'response.failed', { response });
  return frames;
}

// The `error` events of the faults' `errorCode`s, as captured from the API: rate limited
// (openai-dotnet#881) and out of credits (Effect-TS/effect#7262).
const STREAM_ERRORS = {
  server_error: { type: 'server_error', code: 'server_error' },
  too_many_requests: {
    type: 'too_many_requests',
    code: 'too_many_requests',
    message: 'Too Many Requests',
  },
  insufficient_quota: {
    type: 'insufficient_quota',
    code: 'credit_balance_exhausted',
    message:
      'You have no credits remaining. Please add credits to your account to continue using the API.',
  },
};

/**
 * The OpenAI dialect, with the Responses API's mid-stream failure: an `error` event, not the Chat
 * Completions `{ "error": … }` data. The API nests the failure,
 * `{ type: "error", sequence_number, error: { type, code, message, param } }` (openai-dotnet#881);
 * the fault's `errorShape: 'flat'` sends the spec's documented ResponseErrorEvent,
 * `{ type: "error", code, message, param, sequence_number }`.
 */
export const responsesDialect = {
  ...dialect,
  streamError(ctx, seq = 0, fault = {}) {
    const { message } = dialect.faultError(500, ctx).json.error;
    const error = { message, ...(STREAM_ERRORS[fault.errorCode] ?? STREAM_ERRORS.server_error) };
    const data =
      fault.errorShape === 'flat'
        ? { type: 'error', code: error.code, message: error.message, param: null }
        : { type: 'error', sequence_number: seq, error: { ...error, param: null } };
    if (fault.errorShape === 'flat') data.sequence_number = seq;
    return `event: error\ndata: ${JSON.stringify(data)}\n\n`;
  },
};

export const responsesRoute = {
  method: 'POST',
  match: (p) => p === '/v1/responses',
  handle: responses,
};
