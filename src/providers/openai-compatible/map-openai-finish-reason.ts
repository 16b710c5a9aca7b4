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
    default:
      return 'other';
  }
}
