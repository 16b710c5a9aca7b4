import type { Message } from '../../core/types.ts';

/**
 * Tells whether a request continues a tool-use turn that Claude made without thinking (or that
 * another provider made): the last assistant message called tools, only tool results follow it, and
 * it carries no Anthropic thinking block. A tool-use loop is one assistant turn with one thinking
 * configuration, and with thinking on Anthropic refuses it ("a final `assistant` message must start
 * with a thinking block"): https://platform.claude.com/docs/en/build-with-claude/thinking-tool-workflows
 */
export function openToolTurnWithoutThinking(messages: readonly Message[]): boolean {
  let i = messages.length - 1;
  while (i >= 0 && messages[i]!.role === 'tool') i--;
  const last = messages[i];
  if (i === messages.length - 1 || last?.role !== 'assistant' || !last.toolCalls?.length)
    return false;
  return !(last.reasoning ?? []).some(
    (part) =>
      (part.provider === undefined || part.provider === 'anthropic') &&
      (part.type === 'redacted_thinking' || part.signature),
  );
}
