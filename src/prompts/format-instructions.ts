/**
 * Numbers a list of instructions as the original's `format_instructions`: each item trimmed, a full
 * stop added when it has no closing punctuation, one ` - {n}. {text}` line each. Unlike the
 * original, an item ending in `!` or `?` keeps it alone (the original wrote `Why?.`).
 * @param instructions - The instructions, in order.
 * @returns The lines, each ending in a newline.
 * @example formatInstructions(['Be terse', 'Cite sources.']) // ' - 1. Be terse.\n - 2. Cite sources.\n'
 */
export function formatInstructions(instructions: readonly unknown[]): string {
  return instructions
    .map((item, i) => {
      const text = String(item).trim();
      return ` - ${i + 1}. ${/[.!?]$/.test(text) ? text : `${text}.`}\n`;
    })
    .join('');
}
