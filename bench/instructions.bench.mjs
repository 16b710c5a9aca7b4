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

const N = Number(process.env.BENCH_INSTR_N ?? 100);
const WARMUP = Number(process.env.BENCH_INSTR_WARMUP ?? 100);
const REPEATS = Number(process.env.BENCH_INSTR_REPEATS ?? 2);
const VALGRIND = process.env.VALGRIND ?? '/usr/bin/valgrind';
// TurboFan stays on (as in production); repeats agree within 0.1 %. Caveat: under --predictable it
// compiles on the main thread, and in the fs-miss row optimizing compilation was still about a third
// of the measured window after 100 warm-up calls (half after 400): raise BENCH_INSTR_WARMUP, or set
// BENCH_INSTR_NODE_FLAGS='--predictable --no-opt' to compare baseline code.
const NODE_FLAGS = (process.env.BENCH_INSTR_NODE_FLAGS ?? '--predictable').split(' ');
const CLIENTS = (
  process.env.BENCH_INSTR_CLIENTS ??
  'raw fetch,alea (cache off),alea default fs cache, miss,alea memory cache, hit,openai-node,AI SDK generateText'
).split(/,(?! )/);

if (!existsSync(VALGRIND)) {
  console.log(`\n(${VALGRIND} not found: instruction counts skipped; apt-get install valgrind)`);
  process.exit(0);
}

const server = spawn(
  process.execPath,
  [new URL('./instant-server.mjs', import.meta.url).pathname],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const [line] = await once(server.stdout, 'data');
const base = `http://127.0.0.1:${/PORT=(\d+)/.exec(String(line))[1]}`;
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
  const dump = readFileSync(`${out}/cg.${child.pid}.2`, 'utf8');
  return Number(/^totals: (\d+)/m.exec(dump)[1]);
}

const counts = Object.fromEntries(CLIENTS.map((c) => [c, []]));
for (let r = 0; r < REPEATS; r++) {
  for (const client of CLIENTS) {
    const ir = await measure(client);
    counts[client].push(ir / N);
    process.stderr.write(`${client}: ${(ir / N / 1e6).toFixed(3)} M/call\n`);
  }
}
server.kill('SIGTERM');
rmSync(out, { recursive: true, force: true });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const raw = median(counts[CLIENTS[0]]);
console.log(
  `\nInstructions per call (callgrind, node ${NODE_FLAGS.join(' ')}, ${WARMUP} warm-up then ${N} ` +
    `calls, ${REPEATS} repeats; Node ${process.version})\n`,
);
console.log('| Client | M instructions/call | spread of repeats | vs raw fetch |');
console.log('| --- | ---: | ---: | ---: |');
for (const [client, xs] of Object.entries(counts)) {
  const m = median(xs);
  const spread = ((Math.max(...xs) - Math.min(...xs)) / m) * 100;
  console.log(
    `| ${client} | ${(m / 1e6).toFixed(2)} | ${spread.toFixed(2)} % | ${(m / raw).toFixed(2)} |`,
  );
}
