// Instructions per call under valgrind's callgrind, against the instant loopback server (itself
// native, in another process): raw fetch, alea-llm-client with the cache off, with the default fs
// cache missing, with a memory-cache hit, openai-node and the AI SDK. Each client runs in its own
// process (bench/instr-client.mjs) with V8's --predictable; after its warm-up the bench dumps
// callgrind's counters, lets it make N calls, and dumps again: the second dump counts exactly the
// measured calls (client and Node's fetch, all threads), so startup and imports drop out. Every
// client runs REPEATS times, interleaved; the table gives the median and the spread of the repeats.
// CPU sampling on a shared machine swings by tens of percent; these counts repeat far closer.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { startInstantServer } from './start-instant-server.mjs';

const N = Number(process.env.BENCH_INSTR_N ?? 100);
const WARMUP = Number(process.env.BENCH_INSTR_WARMUP ?? 100);
const REPEATS = Number(process.env.BENCH_INSTR_REPEATS ?? 2);
const VALGRIND = process.env.VALGRIND ?? '/usr/bin/valgrind';
// Why V8 runs without its optimizing compiler here: with TurboFan (as in production) the counts did
// not settle. Under --predictable it compiles on the main thread, and it never stops: a collection
// frees objects that optimized code embedded, V8 throws that code away ("weak objects": pako's and
// the stream internals' code) and compiles it again later; async functions called once per call
// (the fs store's write) reach TurboFan only after some 450 calls. Compilation was a third to two
// thirds of a window, and even without it, warm-ups of 100 and 300 calls disagreed by 7 % (raw
// fetch) to 20 % (fs miss), from the deoptimized stretches between. Sparkplug, compiling every
// function on its first call, gives counts that two warm-up lengths reproduce; JavaScript costs
// more in it than optimized, so the ratios to raw fetch (mostly native code) err against the
// clients. The last column is the optimizing compiler's share, 0 unless BENCH_INSTR_NODE_FLAGS
// turns it back on (it is read from callgrind's inclusive cost of Compiler::CompileOptimized*).
const NODE_FLAGS = (
  process.env.BENCH_INSTR_NODE_FLAGS ?? '--predictable --no-opt --always-sparkplug'
).split(' ');
const CLIENTS = (
  process.env.BENCH_INSTR_CLIENTS ??
  'raw fetch,alea (cache off),alea default fs cache, miss,alea memory cache, hit,openai-node,AI SDK generateText'
).split(/,(?! )/);

if (!existsSync(VALGRIND)) {
  console.log(`\n(${VALGRIND} not found: instruction counts skipped; apt-get install valgrind)`);
  process.exit(0);
}

const { base, stop } = await startInstantServer();
const out = mkdtempSync(join(tmpdir(), 'alea-callgrind-'));

/** Runs one client under callgrind; resolves to the instructions of its N measured calls. */
async function measure(client) {
  const child = spawn(
    VALGRIND,
    [
      '--tool=callgrind',
      `--callgrind-out-file=${out}/cg.%p`,
      process.execPath,
      '--expose-gc',
      ...NODE_FLAGS,
      new URL('./instr-client.mjs', import.meta.url).pathname,
      client,
      base,
      String(WARMUP),
      String(N),
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stderr.on('data', (d) => (log += d));
  const exited = once(child, 'exit');
  for await (const mark of createInterface({ input: child.stdout })) {
    if (mark !== 'mark') continue;
    await promisify(execFile)('callgrind_control', ['-d', String(child.pid)]);
    child.stdin.write('go\n');
  }
  const [code] = await exited;
  if (code !== 0) throw new Error(`${client} exited with ${code}:\n${log.slice(-2000)}`);
  const file = `${out}/cg.${child.pid}.2`;
  const total = Number(/^totals: (\d+)/m.exec(readFileSync(file, 'utf8'))[1]);
  const { stdout } = await promisify(execFile)(
    'callgrind_annotate',
    ['--inclusive=yes', '--threshold=100', file],
    { maxBuffer: 1 << 28 },
  );
  let jit = 0;
  for (const [, ir] of stdout.matchAll(
    /^\s*([\d,]+) .*v8::internal::Compiler::CompileOptimized(?:OSR)?\(/gm,
  )) {
    jit += Number(ir.replaceAll(',', ''));
  }
  return { total, jit };
}

const counts = Object.fromEntries(CLIENTS.map((c) => [c, []]));
const jitShares = Object.fromEntries(CLIENTS.map((c) => [c, []]));
for (let r = 0; r < REPEATS; r++) {
  for (const client of CLIENTS) {
    const { total, jit } = await measure(client);
    counts[client].push((total - jit) / N);
    jitShares[client].push(jit / total);
    process.stderr.write(
      `${client}: ${((total - jit) / N / 1e6).toFixed(3)} M/call without JIT, ` +
        `${(total / N / 1e6).toFixed(3)} with it\n`,
    );
  }
}
stop();
// BENCH_INSTR_KEEP=1 keeps callgrind's files (cg.<pid>.2: the measured calls) for callgrind_annotate.
if (process.env.BENCH_INSTR_KEEP) process.stderr.write(`callgrind files kept in ${out}\n`);
else rmSync(out, { recursive: true, force: true });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const raw = median(counts[CLIENTS[0]]);
console.log(
  `\nInstructions per call, optimizing compilation left out (callgrind, node ${NODE_FLAGS.join(' ')}, ` +
    `${WARMUP} warm-up calls, a full GC, ${Math.ceil(WARMUP / 4)} more, then ${N} measured; ` +
    `${REPEATS} repeats; Node ${process.version})\n`,
);
console.log(
  '| Client | M instructions/call | vs raw fetch | spread of repeats | JIT share of window |',
);
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [client, xs] of Object.entries(counts)) {
  const m = median(xs);
  const spread = ((Math.max(...xs) - Math.min(...xs)) / m) * 100;
  const jit = median(jitShares[client]) * 100;
  console.log(
    `| ${client} | ${(m / 1e6).toFixed(3)} | ${(m / raw).toFixed(2)} | ${spread.toFixed(2)} % | ` +
      `${jit.toFixed(0)} % |`,
  );
}
