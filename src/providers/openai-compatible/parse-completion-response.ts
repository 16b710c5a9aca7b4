import type { ParsedResponse } from '../../core/adapter.ts';
import { readWire, type WireShape } from '../../core/read-wire.ts';
import { USAGE_SHAPE, type OpenAIUsage } from './openai-api.ts';
import { common } from './parse-openai-response.ts';

/** The shape of a text completion body, as far as we read it. */
const COMPLETION_SHAPE: WireShape = {
  'id?': 'string',
  'model?': 'string',
  choices: [{ 'text?': 'string', 'finish_reason?': 'string' }],
  'usage?': USAGE_SHAPE,
};

/** The parts of a text completion we read. */
interface OpenAICompletionResponse {
  id?: string | null;
  model?: string | null;
  choices: { text?: string | null; finish_reason?: string | null }[];
  usage?: OpenAIUsage;
}

/**
 * Maps a `/v1/completions` body (loaded on the first `complete()` answered by a text-completion
 * model; chat calls never need it).
 */
export function parseCompletionResponse(
  body: unknown,
  provider: string,
  url: string,
): ParsedResponse {
  const output = readWire<OpenAICompletionResponse>(body, COMPLETION_SHAPE, provider, url);
  const base = common(
    body,
    output,
    output.choices.map((c) => c.text ?? ''),
    output.choices[0]?.finish_reason,
  );
  return { ...base, assistant: { role: 'assistant', content: base.text } };
}
