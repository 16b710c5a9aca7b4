import type { WireShape } from '../../core/wire-misfit.ts';

// Partial wire shapes (core/read-wire.ts): only the fields we read, extra fields and unknown block
// types accepted, so new API additions never break parsing (the raw usage is taken from the body).

/** The shape of a Messages API answer, as far as we read it. */
export const ANTHROPIC_MESSAGE_SHAPE: WireShape = {
  'id?': 'string',
  'model?': 'string',
  content: [
    {
      type: 'string',
      'text?': 'string',
      'thinking?': 'string',
      'signature?': 'string',
      'data?': 'string',
      'id?': 'string',
      'name?': 'string',
    },
  ],
  'stop_reason?': 'string',
  'usage?': {
    'input_tokens?': 'number',
    'output_tokens?': 'number',
    'cache_creation_input_tokens?': 'number',
    'cache_read_input_tokens?': 'number',
    'cache_creation?': {
      'ephemeral_5m_input_tokens?': 'number',
      'ephemeral_1h_input_tokens?': 'number',
    },
  },
};

/** One content block of a `Message`, as read. */
export interface AnthropicResponseBlock {
  type: string;
  text?: string | null;
  thinking?: string | null;
  signature?: string | null;
  data?: string | null;
  id?: string | null;
  name?: string | null;
  input?: unknown;
}

/** The parts of an Anthropic `Message` we read. */
export interface AnthropicMessage {
  id?: string | null;
  model?: string | null;
  content: AnthropicResponseBlock[];
  stop_reason?: string | null;
  usage?: {
    input_tokens?: number | null;
    output_tokens?: number | null;
    cache_creation_input_tokens?: number | null;
    cache_read_input_tokens?: number | null;
    cache_creation?: {
      ephemeral_5m_input_tokens?: number | null;
      ephemeral_1h_input_tokens?: number | null;
    } | null;
  } | null;
}
