// Encoding entries as the compact rows of src/registry/model-row.ts, as TypeScript literals in
// Prettier's format (so the generated files pass `prettier --check` unchanged).

// Bit positions of ModelRow flags; keep in sync with src/registry/model-row.ts.
export const FLAG = {
  tools: 1,
  vision: 2,
  structuredOutput: 4,
  reasoning: 8,
  thinking: 16,
  grammar: 32,
  temperature: 64,
  requiresMaxCompletionTokens: 128,
  exclusiveSampling: 256,
  completionsOnly: 512,
  adaptiveThinking: 1024,
  nativeStructuredOutput: 2048,
  flexTier: 4096,
  priorityTier: 8192,
};

export function lit(v) {
  if (v === undefined || v === null) return 'null';
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(lit).join(', ')}]`;
  throw new Error(`unsupported literal ${v}`);
}

/** Drops trailing nulls so optional tuple members are simply absent. */
export function trim(list) {
  const out = [...list];
  while (out.length && (out[out.length - 1] === undefined || out[out.length - 1] === null))
    out.pop();
  return out;
}

/** One array element at `indent`: on one line when it fits in 100 columns, else one item per line. */
export function row(items, indent) {
  const pad = ' '.repeat(indent);
  const line = `${pad}[${items.map(lit).join(', ')}],`;
  if (line.length <= 100) return line;
  const inner = items.map((v) => `${pad}  ${lit(v)},`).join('\n');
  return `${pad}[\n${inner}\n${pad}],`;
}

export function priceRow(p) {
  if (!p) return null;
  const own = [p.input, p.output, p.cachedInput, p.cacheWrite, p.cacheWrite1h];
  const l = p.longContext;
  if (!l) {
    const base = trim(own);
    return base.length ? base.map((v) => v ?? null) : null;
  }
  return [...own.map((v) => v ?? null), l.threshold].concat(
    trim([l.input, l.output, l.cachedInput, l.cacheWrite, l.cacheWrite1h]).map((v) => v ?? null),
  );
}

export function flagsOf(e) {
  let f = 0;
  for (const [k, bit] of Object.entries(FLAG)) if (e[k]) f |= bit;
  return f;
}
