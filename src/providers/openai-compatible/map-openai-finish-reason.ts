import type { FinishReason } from '../../core/types.ts';

/**
 * Maps an OpenAI-style finish reason to the SDK's. `function_call` is the pre-tools name; vLLM
 * reports `abort` for cancelled requests.
 */
export function mapOpenAIFinishReason(reason: string | null | undefined): FinishReason {
  switch (reason) {
    case 'stop':
    case 'length':
    case 'tool_calls':
    case 'content_filter':
      return reason;
    case 'function_call':
      return 'tool_calls';
    // A normal stop as other servers name it: Together `eos`, TGI and watsonx `eos_token`, and
    // Anthropic's names behind proxies.
    case 'eos':
    case 'eos_token':
    case 'stop_sequence':
    case 'end_turn':
      return 'stop';
    case 'max_tokens':
      return 'length';
    default:
      return 'other';
  }
}
