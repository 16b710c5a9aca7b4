import type { ModelInfo } from './types.ts';

/** 1048576 → "1,048,576", without Intl so the output is identical in every runtime and locale. */
function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function mark(flag: boolean): string {
  return flag ? '✓' : '✗';
}

function formatPrice(price: number | undefined): string {
  return price === undefined ? '–' : `$${price}`;
}

/**
 * Renders models as a Markdown table, sorted by id.
 * @param models - The models to list.
 * @returns The table, one line per model after the header, ending without a newline.
 */
export function capabilityTable(models: readonly ModelInfo[]): string {
  const header =
    '| Model | Provider | Tier | Context | Output | Tools | Vision | Structured | Reasoning | ' +
    'Thinking | Status | Input $/M | Output $/M |';
  const rule = `|${' --- |'.repeat(13)}`;
  const sorted = [...models].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const lines = sorted.map((m) => {
    const c = m.capabilities;
    const cells = [
      m.id,
      m.provider,
      m.tier,
      formatCount(m.contextWindow),
      formatCount(m.maxOutputTokens),
      mark(c.tools),
      mark(c.vision),
      mark(c.structuredOutput),
      mark(c.reasoning),
      mark(c.thinking),
      m.status,
      formatPrice(m.pricing.input),
      formatPrice(m.pricing.output),
    ];
    return `| ${cells.join(' | ')} |`;
  });
  return [header, rule, ...lines].join('\n');
}
