import type { WireShape } from '../../core/wire-misfit.ts';

// Partial wire shapes (core/read-wire.ts): only the fields we read, extra fields accepted, so
// compatible servers (vLLM, xAI, local servers) that add or omit members still parse.

/** The usage members we read (chat and text completions). */
export const USAGE_SHAPE: WireShape = {
  'prompt_tokens?': 'number',
  'completion_tokens?': 'number',
  'total_tokens?': 'number',
  'prompt_tokens_details?': { 'cached_tokens?': 'number' },
  'completion_tokens_details?': { 'reasoning_tokens?': 'number' },
};

/** The shape of a chat completion body, as far as we read it. */
export const CHAT_SHAPE: WireShape = {
  'id?': 'string',
  'model?': 'string',
  choices: [
    {
      message: {
        'content?': 'string',
        // DeepSeek, xAI and older vLLM name it reasoning_content; vLLM ≥ 0.11 names it reasoning.
        'reasoning_content?': 'string',
        'reasoning?': 'string',
        'refusal?': 'string',
        'tool_calls?': [
          {
            // Servers without ids (llama.cpp before #12292) and with object arguments (llama-server
            // --tool-args-object) are read too (read-openai-tool-calls.ts).
            'id?': 'string',
            'function?': { name: 'string', 'arguments?': 'unknown' },
            // A custom (grammar or free-text) tool's call: `{ type: 'custom', custom }`.
            'custom?': { name: 'string', input: 'string' },
          },
        ],
      },
      'finish_reason?': 'string',
    },
  ],
  'usage?': USAGE_SHAPE,
};

/** The parts of an OpenAI usage object we read. */
export type OpenAIUsage =
  | {
      prompt_tokens?: number | null;
      completion_tokens?: number | null;
      total_tokens?: number | null;
      prompt_tokens_details?: { cached_tokens?: number | null } | null;
      completion_tokens_details?: { reasoning_tokens?: number | null } | null;
    }
  | null
  | undefined;

/** The parts of a chat completion we read. */
export interface OpenAIChatResponse {
  id?: string | null;
  model?: string | null;
  choices: {
    message: {
      content?: string | null;
      reasoning_content?: string | null;
      reasoning?: string | null;
      refusal?: string | null;
      tool_calls?:
        | {
            id?: string | null;
            function?: { name: string; arguments?: unknown } | null;
            custom?: { name: string; input: string } | null;
          }[]
        | null;
    };
    finish_reason?: string | null;
  }[];
  usage?: OpenAIUsage;
}
