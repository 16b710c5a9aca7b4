// One measuring loop for the per-call benches: each client is checked once against the fixed
// answer, warmed up, then timed over `n` sequential calls per round, rounds interleaved so drift on
// a shared machine hits every client alike; medians of wall time and CPU time per call.

/**
 * @param {Record<string, () => Promise<unknown>>} clients - First one is the baseline row.
 * @param {{ n: number, warmup: number, rounds: number, expected: unknown }} options
 * @returns {Promise<Array<{ name: string, wall: number, cpu: number }>>} ms and µs per call.
 */
export async function measureClients(clients, { n, warmup, rounds, expected }) {
  const measure = async (fn) => {
    for (let i = 0; i < warmup; i++) await fn();
    const cpu = process.cpuUsage();
    const start = performance.now();
    for (let i = 0; i < n; i++) await fn();
    const wall = performance.now() - start;
    const used = process.cpuUsage(cpu);
    return { wallMs: wall / n, cpuUs: (used.user + used.system) / n };
  };
  for (const [name, fn] of Object.entries(clients)) {
    const text = await fn();
    if (text !== expected) throw new Error(`${name} did not return the fixed answer: ${text}`);
  }
  const results = Object.fromEntries(Object.keys(clients).map((k) => [k, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, fn] of Object.entries(clients)) results[name].push(await measure(fn));
  }
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return Object.entries(results).map(([name, runs]) => ({
    name,
    wall: median(runs.map((r) => r.wallMs)),
    cpu: median(runs.map((r) => r.cpuUs)),
  }));
}
