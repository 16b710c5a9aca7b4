import type { ParsedResponse } from '../../core/adapter.ts';
import { readWire, type WireShape } from '../../core/read-wire.ts';
import type { OpenAIUsage } from './openai-api.ts';
import type { common } from './parse-openai-response.ts';

/**
 * The chat parser's helpers, passed in by the adapter rather than imported: an on-demand chunk that
 * imported them would import the adapter's chunk, and a bundler would then split that chunk off the
 * page's entry (one more script on every first call).
 */
export interface CompletionParseKit {
  common: typeof common;
  usageShape: WireShape;
}

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
 * @param body - The parsed JSON body.
 * @param provider - The provider key, for errors.
 * @param url - The request URL, for errors.
 * @param kit - The chat parser's helpers (see {@link CompletionParseKit}).
 */
export function parseCompletionResponse(
  body: unknown,
  provider: string,
  url: string,
  { common, usageShape }: CompletionParseKit,
): ParsedResponse {
  // The shape of a text completion body, as far as we read it.
  const shape: WireShape = {
    'id?': 'string',
    'model?': 'string',
    choices: [{ 'text?': 'string', 'finish_reason?': 'string' }],
    'usage?': usageShape,
  };
  const output = readWire<OpenAICompletionResponse>(body, shape, provider, url);
  const base = common(
    body,
    output,
    output.choices.map((c) => c.text ?? ''),
    output.choices[0]?.finish_reason,
  );
  return { ...base, assistant: { role: 'assistant', content: base.text } };
}
