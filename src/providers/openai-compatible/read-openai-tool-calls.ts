import type { ToolCall } from '../../core/types.ts';
import type { OpenAIChatResponse } from './openai-api.ts';

/** A chat answer's `tool_calls`, as the wire shape reads them. */
export type OpenAIToolCalls = NonNullable<
  OpenAIChatResponse['choices'][number]['message']['tool_calls']
>;

/** Tool-call arguments parsed from JSON; invalid JSON is kept as text, so nothing is lost. */
export function parseArguments(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Models occasionally emit invalid JSON arguments; keep the text so nothing is lost.
    return text;
  }
}

/**
 * Maps a chat answer's tool calls: function calls with their arguments parsed, custom (grammar or
 * free-text) tools' input as text. Loaded only for answers that have tool calls. A call without an id
 * (llama.cpp before ggml-org/llama.cpp#12292, some proxies) gets `call_<position>`, the same in a
 * stream and a whole answer; arguments sent as a JSON object (llama-server's `--tool-args-object`,
 * TGI) are taken as they are, and absent or empty ones are `{}`.
 */
export function readOpenAIToolCalls(calls: OpenAIToolCalls): ToolCall[] {
  return calls.flatMap((c, i): ToolCall[] => {
    const id = c.id || `call_${i}`;
    const args = c.function?.arguments;
    return c.function
      ? [
          {
            id,
            name: c.function.name,
            arguments: typeof args !== 'string' ? (args ?? {}) : args ? parseArguments(args) : {},
          },
        ]
      : c.custom
        ? [{ id, name: c.custom.name, arguments: c.custom.input, custom: true }]
        : [];
  });
}

/**
 * Reads a chat answer's tool calls, once the answer has some or a refusal. A refusal with no text and
 * no tool call is a `ContentFilterError` (reason `refusal`), loaded only then.
 * @param message - The first choice's message.
 * @param text - Its text.
 * @param provider - For the error.
 * @param url - The called URL, for the error.
 */
export async function readChatCalls(
  message: OpenAIChatResponse['choices'][number]['message'],
  text: string,
  provider: string,
  url: string,
): Promise<ToolCall[]> {
  const calls = message.tool_calls ?? [];
  if (message.refusal && !text && !calls.length) {
    const { chatRefusalError } = await import('./chat-refusal-error.ts');
    throw chatRefusalError(provider, url, message.refusal);
  }
  return readOpenAIToolCalls(calls);
}
