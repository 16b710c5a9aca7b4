import * as v from 'valibot';

// The parts of a Responses API body we read (openai-openapi.yaml `Response`, `OutputItem`,
// `ResponseUsage`), partial so that xAI and vLLM, which add or omit members, parse too. Output items
// share one loose shape: the fields of messages, reasoning, function and custom tool calls.

const str = () => v.nullish(v.string());

const itemSchema = () =>
  v.object({
    type: v.string(),
    id: str(),
    status: str(),
    // message
    content: v.nullish(v.array(v.object({ type: v.string(), text: str(), refusal: str() }))),
    // reasoning
    summary: v.nullish(v.array(v.object({ text: str() }))),
    encrypted_content: str(),
    // function_call, custom_tool_call
    call_id: str(),
    name: str(),
    arguments: str(),
    input: str(),
  });

const responseSchema = () =>
  v.object({
    id: str(),
    model: str(),
    status: str(),
    error: v.nullish(v.object({ code: str(), message: str() })),
    incomplete_details: v.nullish(v.object({ reason: str() })),
    output: v.array(itemSchema()),
    usage: v.nullish(
      v.object({
        input_tokens: v.nullish(v.number()),
        output_tokens: v.nullish(v.number()),
        total_tokens: v.nullish(v.number()),
        input_tokens_details: v.nullish(v.object({ cached_tokens: v.nullish(v.number()) })),
        output_tokens_details: v.nullish(v.object({ reasoning_tokens: v.nullish(v.number()) })),
      }),
    ),
  });

/** The parts of a Responses API answer we read. */
export type ResponsesBody = v.InferOutput<ReturnType<typeof responseSchema>>;
/** One output item, as read. */
export type ResponsesItem = v.InferOutput<ReturnType<typeof itemSchema>>;

let schema: ReturnType<typeof responseSchema> | undefined;

/** Validates a Responses API body; returns the issues on mismatch. */
export function parseResponsesBody(body: unknown) {
  return v.safeParse((schema ??= responseSchema()), body);
}
