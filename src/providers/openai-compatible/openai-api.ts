import * as v from 'valibot';

// Partial wire schemas: only the fields we read, extra fields accepted, so compatible servers
// (vLLM, xAI, local servers) that add or omit members still parse. Built on first use.

const usageSchema = () =>
  v.nullish(
    v.object({
      prompt_tokens: v.nullish(v.number()),
      completion_tokens: v.nullish(v.number()),
      total_tokens: v.nullish(v.number()),
      prompt_tokens_details: v.nullish(v.object({ cached_tokens: v.nullish(v.number()) })),
      completion_tokens_details: v.nullish(v.object({ reasoning_tokens: v.nullish(v.number()) })),
    }),
  );

/** The parts of a chat completion we read. */
export type OpenAIChatResponse = v.InferOutput<ReturnType<typeof chatSchema>>;
/** The parts of a text completion we read. */
export type OpenAICompletionResponse = v.InferOutput<ReturnType<typeof completionSchema>>;
/** The parts of an OpenAI usage object we read. */
export type OpenAIUsage = v.InferOutput<ReturnType<typeof usageSchema>>;

const chatSchema = () =>
  v.object({
    id: v.nullish(v.string()),
    model: v.nullish(v.string()),
    choices: v.array(
      v.object({
        message: v.object({
          content: v.nullish(v.string()),
          // DeepSeek, xAI and older vLLM name it reasoning_content; vLLM ≥ 0.11 names it reasoning.
          reasoning_content: v.nullish(v.string()),
          reasoning: v.nullish(v.string()),
          tool_calls: v.nullish(
            v.array(
              v.object({
                id: v.string(),
                function: v.nullish(v.object({ name: v.string(), arguments: v.string() })),
                // A custom (grammar or free-text) tool's call: `{ type: 'custom', custom }`.
                custom: v.nullish(v.object({ name: v.string(), input: v.string() })),
              }),
            ),
          ),
        }),
        finish_reason: v.nullish(v.string()),
      }),
    ),
    usage: usageSchema(),
  });

const completionSchema = () =>
  v.object({
    id: v.nullish(v.string()),
    model: v.nullish(v.string()),
    choices: v.array(
      v.object({ text: v.nullish(v.string()), finish_reason: v.nullish(v.string()) }),
    ),
    usage: usageSchema(),
  });

let chat: ReturnType<typeof chatSchema> | undefined;
let completion: ReturnType<typeof completionSchema> | undefined;

/** Validates a chat completion body; returns the issue summary on mismatch. */
export function parseChatBody(body: unknown) {
  return v.safeParse((chat ??= chatSchema()), body);
}

/** Validates a text completion body; returns the issue summary on mismatch. */
export function parseCompletionBody(body: unknown) {
  return v.safeParse((completion ??= completionSchema()), body);
}
