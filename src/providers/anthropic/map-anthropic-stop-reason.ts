import type { FinishReason } from '../../core/types.ts';

/**
 * Maps an Anthropic `stop_reason` to the SDK's finish reason. `pause_turn` (a server tool paused a
 * long turn) ends the answer normally; `refusal` is the safety stop (the parser throws for it before mapping).
 */
export function mapAnthropicStopReason(reason: string | null | undefined): FinishReason {
  switch (reason) {
    case 'end_turn':
    case 'stop_sequence':
    case 'pause_turn':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case 'refusal':
      return 'content_filter';
    default:
      return 'other';
  }
}
