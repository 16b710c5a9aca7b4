import { closeSync, openSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { isLLMError, type ModelResponse } from 'alea-llm-client';
import { defaultStore } from 'alea-llm-client/cache';
import { parseBatchInput } from './batch-input.ts';
import { startProgress, type BatchCounts } from './batch-progress.ts';
import { createModel, MODEL_FLAG_OPTIONS } from './create-model.ts';
import { createLimiter } from './limiter.ts';
import { numberFlag } from './number-flag.ts';
import { UsageError } from './usage.ts';

/** What a finished line writes, in input order. */
type Result = Record<string, unknown>;

const errorRecord = (e: unknown) =>
  isLLMError(e)
    ? {
        name: e.name,
        message: e.message,
        ...('status' in e && e.status !== undefined && { status: e.status }),
        retryable: e.isRetryable,
      }
    : { name: (e as Error)?.name ?? 'Error', message: String((e as Error)?.message ?? e) };

const okRecord = (r: ModelResponse) => ({
  ok: true,
  text: r.text,
  cached: r.cached === true,
  model: r.model,
  finishReason: r.finishReason,
  usage: {
    inputTokens: r.usage.inputTokens,
    outputTokens: r.usage.outputTokens,
    totalTokens: r.usage.totalTokens,
  },
  cost: r.cost ?? null,
});

/**
 * `alea batch input.jsonl`: one chat call per line, in parallel under `--concurrency` and `--rpm`,
 * results in input order. Resumable through the cache: finished lines are cached as they finish, so
 * a rerun after Ctrl-C or a crash sends only the lines that are not (failures are never cached,
 * so they are retried). The first Ctrl-C lets calls in flight finish; a second aborts them.
 * @param args - The arguments after `batch`.
 * @param stderr - Progress and problems.
 * @returns The exit code: 0 every line answered, 1 some failed, 130 interrupted.
 */
export async function batchCommand(
  args: string[],
  stderr: { isTTY?: boolean; write(text: string): unknown },
): Promise<number> {
  const { values: flags, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...MODEL_FLAG_OPTIONS,
      out: { type: 'string' },
      concurrency: { type: 'string' },
      rpm: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('batch takes one input file', 'batch');
  const concurrency = numberFlag(flags.concurrency, 'concurrency', 'batch', true) ?? 4;
  const rpm = numberFlag(flags.rpm, 'rpm', 'batch', true);
  let text: string;
  try {
    text = await readFile(positionals[0]!, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${positionals[0]}: ${(e as Error).message}`, 'batch');
  }
  const lines = parseBatchInput(text);
  for (const l of lines) if (!l.ok) stderr.write(`alea batch: ${l.error}\n`);
  if (flags['no-cache'])
    stderr.write('alea batch: --no-cache: a rerun will send every line again\n');

  const limiter = createLimiter({ concurrency, ...(rpm !== undefined && { rpm }) });
  // Only requests that reach the network wait for --rpm: the SDK calls fetch only on a cache miss.
  const paced: typeof fetch = async (input, init) => {
    await limiter.pace(init?.signal ?? undefined);
    return fetch(input, init);
  };
  const model = await createModel(flags, 'batch', { fetch: paced, cache: defaultStore() });

  const fd = flags.out === undefined ? 1 : openSync(flags.out, 'w');
  const results: Array<Result | undefined> = [];
  let written = 0;
  const flush = () => {
    for (; results[written] !== undefined; written++)
      writeSync(fd, `${JSON.stringify(results[written])}\n`);
  };

  const counts: BatchCounts = {
    total: lines.length,
    done: 0,
    cached: 0,
    failed: 0,
    cost: 0,
    unpriced: 0,
  };
  const abort = new AbortController();
  let stopping = false;
  const onSignal = () => {
    if (stopping) abort.abort();
    stopping = true;
    stderr.write('\nalea batch: stopping after the calls in flight (Ctrl-C again to abort them)\n');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const progress = startProgress(counts, stderr);
  try {
    await Promise.all(
      lines.map((l, i) =>
        limiter.run(async () => {
          if (stopping) return;
          const base = { line: l.line, ...(l.id !== undefined && { id: l.id }) };
          if (!l.ok) {
            results[i] = {
              ...base,
              ok: false,
              error: { name: 'InvalidInputLine', message: l.error },
            };
            counts.failed++;
          } else {
            try {
              const r = await model.chat(l.input as never, { ...l.options, signal: abort.signal });
              results[i] = { ...base, ...okRecord(r) };
              if (r.cached) counts.cached++;
              else if (r.cost === undefined) counts.unpriced++;
              else counts.cost += r.cost;
            } catch (e) {
              if (abort.signal.aborted) return;
              results[i] = { ...base, ok: false, error: errorRecord(e) };
              counts.failed++;
            }
          }
          counts.done++;
          flush();
        }),
      ),
    );
  } finally {
    progress.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (fd !== 1) closeSync(fd);
  }
  const where = flags.out === undefined ? '' : `; results in ${flags.out}`;
  const unpriced = counts.unpriced ? ` (${counts.unpriced} lines unpriced)` : '';
  stderr.write(
    `alea batch: ${counts.done} of ${counts.total} lines: ${counts.done - counts.failed} ok ` +
      `(${counts.cached} from the cache), ${counts.failed} failed; cost $${counts.cost.toFixed(4)}${unpriced}${where}\n`,
  );
  if (stopping) {
    stderr.write(
      'alea batch: interrupted; run the same command again to finish (finished lines come from the cache)\n',
    );
    return 130;
  }
  if (counts.failed) {
    // A rerun retries calls; a malformed line fails again until it is fixed.
    const invalid = lines.filter((l) => !l.ok).length;
    if (counts.failed > invalid)
      stderr.write('alea batch: run the same command again to retry the failed calls\n');
    if (invalid)
      stderr.write(`alea batch: fix the malformed input lines named above (${invalid})\n`);
    return 1;
  }
  return 0;
}
