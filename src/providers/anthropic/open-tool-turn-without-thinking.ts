import type { Message } from '../../core/types.ts';

/**
 * Tells whether a request continues a tool-use turn that Claude made without thinking (or that
 * another provider made): the last assistant message called tools, only tool results follow it, and
 * it carries no Anthropic thinking block. A tool-use loop is one assistant turn with one thinking
 * configuration, and with thinking on Anthropic refuses it ("a final `assistant` message must start
 * with a thinking block"): https://platform.claude.com/docs/en/build-with-claude/thinking-tool-workflows
 * @returns The warning to give when thinking must stay off for this request, else undefined.
 */
export function openToolTurnWithoutThinking(messages: readonly Message[]): string | undefined {
  let i = messages.length - 1;
  while (i >= 0 && messages[i]!.role === 'tool') i--;
  const last = messages[i];
  if (i === messages.length - 1 || last?.role !== 'assistant' || !last.toolCalls?.length) return;
  const thought = (last.reasoning ?? []).some(
    (part) =>
      (part.provider === undefined || part.provider === 'anthropic') &&
      (part.type === 'redacted_thinking' || part.signature),
  );
  if (thought) return;
  return (
    'thinking was not sent: this request continues a tool-use turn made without Claude ' +
    'thinking (by another provider, or with thinking off), and a turn keeps one setting.'
  );
}
