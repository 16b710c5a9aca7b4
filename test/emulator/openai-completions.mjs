// POST /v1/completions: the legacy text-completion endpoint (CreateCompletionResponse).
import {
  SYSTEM_FINGERPRINT,
  apiError,
  badRequest,
  missing,
  invalidType,
  randomId,
  nowSeconds,
  countWords,
  splitWords,
  truncateWords,
  mergeUsage,
} from './openai-common.mjs';
import { checkModel, sse, DONE } from './openai-chat.mjs';
import { isOpenAIChatModel, parameterError, unknownModelError } from './openai-rules.mjs';

export function completions(ctx) {
  const b = ctx.body;
  const reply = ctx.scenario.reply ?? {};
  const modelError = checkModel(b);
  if (modelError) return modelError;
  // The legacy endpoint rejects chat-style bodies with exactly this message.
  if (b.messages !== undefined)
    return badRequest('Unrecognized request argument supplied: messages');
  if (b.prompt === undefined || b.prompt === null) return missing('prompt');
  const ruleError = unknownModelError(b, ctx.scenario) ?? parameterError(b);
  if (ruleError) return ruleError;
  // The legacy endpoint serves only instruct and base models (gpt-3.5-turbo-instruct, davinci-002).
  if (isOpenAIChatModel(b.model)) {
    return apiError(
      404,
      'This is a chat model and not supported in the v1/completions endpoint. Did you mean to use v1/chat/completions?',
    );
  }
  const prompts = typeof b.prompt === 'string' ? [b.prompt] : b.prompt;
  if (
    !Array.isArray(prompts) ||
    prompts.length === 0 ||
    !prompts.every((p) => typeof p === 'string')
  ) {
    return invalidType('prompt', 'a string or an array of strings', b.prompt);
  }
  // max_tokens defaults to 16 on /v1/completions (CreateCompletionRequest.max_tokens.default).
  const maxTokens = b.max_tokens ?? 16;
  const n = b.n ?? 1;
  let completionTokens = 0;
  const choices = [];
  prompts.forEach((prompt, p) => {
    for (let i = 0; i < n; i++) {
      const index = p * n + i;
      const full = (reply.text ?? `Echo: ${prompt}`) + (i === 0 ? '' : ` (choice ${i})`);
      const truncated = countWords(full) > maxTokens;
      const text = truncated ? truncateWords(full, maxTokens) : full;
      completionTokens += countWords(text);
      const finish = reply.finishReason ?? (truncated ? 'length' : 'stop');
      choices.push({ text: ` ${text}`, index, logprobs: null, finish_reason: finish });
    }
  });
  const promptTokens = prompts.reduce((s, p) => s + countWords(p), 0);
  const usage = mergeUsage(
    {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    },
    reply.usage,
  );
  const head = {
    id: randomId('cmpl-'),
    object: 'text_completion',
    created: nowSeconds(),
    model: reply.model ?? b.model,
    system_fingerprint: SYSTEM_FINGERPRINT,
  };
  if (b.stream) {
    const frames = [];
    for (const c of choices) {
      for (const piece of splitWords(c.text))
        frames.push(
          sse({
            ...head,
            choices: [{ text: piece, index: c.index, logprobs: null, finish_reason: null }],
          }),
        );
      frames.push(
        sse({
          ...head,
          choices: [{ text: '', index: c.index, logprobs: null, finish_reason: c.finish_reason }],
        }),
      );
    }
    if (b.stream_options?.include_usage) frames.push(sse({ ...head, choices: [], usage }));
    frames.push(DONE);
    return { sse: frames };
  }
  return { json: { ...head, choices, usage } };
}
