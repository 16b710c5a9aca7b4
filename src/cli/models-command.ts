import { parseArgs } from 'node:util';
import {
  CAPABILITIES,
  filterModels,
  getAllModels,
  getModelDetails,
  isCapability,
} from 'alea-llm-client/registry';
import { numberFlag } from './number-flag.ts';
import { UsageError } from './usage.ts';

const money = (n: number | undefined) => (n === undefined ? '–' : `$${n}`);
const tokens = (n: number) => (n >= 1000 ? `${Math.round(n / 1000)}k` : String(n));

/**
 * `alea models`: the registry's models that meet the filters, as a table or JSON.
 * @param args - The arguments after `models`.
 * @param out - Where the table goes.
 */
export async function modelsCommand(args: string[], out: (text: string) => void): Promise<void> {
  const { values: flags, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      provider: { type: 'string' },
      capability: { type: 'string' },
      'min-context': { type: 'string' },
      'max-input-price': { type: 'string' },
      all: { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`, 'models');
  const capabilities = flags.capability
    ?.split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  for (const c of capabilities ?? [])
    if (!isCapability(c))
      throw new UsageError(
        `--capability: unknown capability "${c}"; use ${CAPABILITIES.join(', ')}`,
        'models',
      );
  const providers = new Set(getAllModels().map((id) => getModelDetails(id)!.provider));
  const provider = flags.provider
    ?.trim()
    .toLowerCase()
    .replace(/^grok$/, 'xai');
  if (provider !== undefined && !providers.has(provider as never))
    throw new UsageError(
      `--provider: the registry has no "${flags.provider}" models; use ${[...providers].join(', ')}`,
      'models',
    );
  const minContext = numberFlag(flags['min-context'], 'min-context', 'models', true);
  const maxInputPrice = numberFlag(flags['max-input-price'], 'max-input-price', 'models');
  const ids = filterModels({
    ...(provider !== undefined && { providers: [provider as never] }),
    ...(capabilities && { capabilities: capabilities as never }),
    ...(minContext !== undefined && { minContext }),
    ...(maxInputPrice !== undefined && { maxInputPrice }),
    excludeDeprecated: !flags.all,
  });
  const models = ids.map((id) => getModelDetails(id)!);
  if (flags.json) return out(JSON.stringify(models, null, 2));
  const rows = [
    ['model', 'provider', 'context', 'output', 'in $/M', 'out $/M', 'capabilities'],
    ...models.map((m) => [
      m.id,
      m.provider,
      tokens(m.contextWindow),
      tokens(m.maxOutputTokens),
      money(m.pricing.input),
      money(m.pricing.output),
      Object.entries(m.capabilities)
        .filter(([, on]) => on === true)
        .map(([c]) => c)
        .join(','),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r) =>
    r
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
  out([...lines, `${models.length} models`].join('\n'));
}
