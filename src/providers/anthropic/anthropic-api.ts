import * as v from 'valibot';

// Partial wire schemas: only the fields we read, extra fields and unknown block types accepted, so new
// API additions never break parsing (the raw usage is taken from the body itself). Built on first use (no work at import time).

const blockSchema = () =>
  v.object({
    type: v.string(),
    text: v.nullish(v.string()),
    thinking: v.nullish(v.string()),
    signature: v.nullish(v.string()),
    data: v.nullish(v.string()),
    id: v.nullish(v.string()),
    name: v.nullish(v.string()),
    input: v.nullish(v.unknown()),
  });

const messageSchema = () =>
  v.object({
    id: v.nullish(v.string()),
    model: v.nullish(v.string()),
    content: v.array(blockSchema()),
    stop_reason: v.nullish(v.string()),
    usage: v.nullish(
      v.object({
        input_tokens: v.nullish(v.number()),
        output_tokens: v.nullish(v.number()),
        cache_creation_input_tokens: v.nullish(v.number()),
        cache_read_input_tokens: v.nullish(v.number()),
        cache_creation: v.nullish(
          v.object({
            ephemeral_5m_input_tokens: v.nullish(v.number()),
            ephemeral_1h_input_tokens: v.nullish(v.number()),
          }),
        ),
      }),
    ),
  });

/** The parts of an Anthropic `Message` we read. */
export type AnthropicMessage = v.InferOutput<ReturnType<typeof messageSchema>>;
/** One content block of a `Message`, as read. */
export type AnthropicResponseBlock = AnthropicMessage['content'][number];

let message: ReturnType<typeof messageSchema> | undefined;

/** Validates a Messages API answer; on mismatch, the result carries valibot's issues. */
export function parseAnthropicMessage(body: unknown) {
  return v.safeParse((message ??= messageSchema()), body);
}
