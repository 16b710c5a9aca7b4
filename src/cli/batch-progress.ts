/** Counts of a batch run so far. */
export interface BatchCounts {
  total: number;
  done: number;
  cached: number;
  failed: number;
  /** USD of the lines sent (cached lines cost nothing again). */
  cost: number;
  /** Lines whose cost is unknown (a model the registry does not price). */
  unpriced: number;
}

const seconds = (ms: number) =>
  ms < 60_000
    ? `${Math.round(ms / 1000)}s`
    : `${Math.floor(ms / 60_000)}m${Math.round((ms % 60_000) / 1000)}s`;

/**
 * One progress line: done/total, cached, failed, rate, ETA and cost so far.
 * @param c - The counts.
 * @param elapsedMs - Time since the start.
 * @returns The line, without a newline.
 */
export function progressLine(c: BatchCounts, elapsedMs: number): string {
  const rate = c.done / Math.max(elapsedMs / 1000, 0.001);
  const eta =
    rate > 0 && c.done < c.total ? ` · ETA ${seconds(((c.total - c.done) / rate) * 1000)}` : '';
  return (
    `${c.done}/${c.total} done · ${c.cached} cached · ${c.failed} failed · ` +
    `${rate.toFixed(1)}/s${eta} · $${c.cost.toFixed(4)}`
  );
}

/**
 * Shows progress on standard error: a bar redrawn in place on a terminal, else a plain line every
 * `intervalMs` (logs and CI stay readable).
 * @param counts - The live counts.
 * @param stream - Standard error.
 * @param intervalMs - The period of plain lines.
 * @returns `stop()`, which prints the last state.
 */
export function startProgress(
  counts: BatchCounts,
  stream: { isTTY?: boolean; write(text: string): unknown },
  intervalMs = 2000,
): { stop(): void } {
  const start = Date.now();
  const tty = stream.isTTY === true;
  const draw = () => {
    const line = progressLine(counts, Date.now() - start);
    if (!tty) return void stream.write(`batch: ${line}\n`);
    const width = 24;
    const filled = Math.round((counts.done / Math.max(counts.total, 1)) * width);
    stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${line}\x1b[K`);
  };
  const timer = setInterval(draw, tty ? 100 : intervalMs);
  return {
    stop() {
      clearInterval(timer);
      draw();
      if (tty) stream.write('\n');
    },
  };
}
