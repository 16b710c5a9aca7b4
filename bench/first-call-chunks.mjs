// What one uncached chat call loads in Chromium, chunk by chunk and module by module, straight from
// src/ (no build, no pack): esbuild bundles a consumer with code splitting, with the package's
// browser mappings (`alea-llm-client/<provider>`, `#default-store` -> IndexedDB, `#key-file`), a
// local server answers the provider request with a canned body, and every script the page fetched
// is listed with its gzip -9 size and the modules it carries (from esbuild's metafile). A tool for
// finding what to shrink; the budgets themselves are test/first-call-size.node.test.ts (packed dist).
// --unused lists, per script, the longest stretches of code the call never ran (Chromium's
// JS coverage): rare paths that may load on demand, or code that may go.
//   node bench/first-call-chunks.mjs [openai|anthropic|google ...] [--modules] [--unused] [--dist]
//     [--thought] [--options='{ maxTokens: 200 }'] [--rounds] [--keep]
import * as esbuild from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const showModules = args.includes('--modules');
const showUnused = args.includes('--unused');
// --dist: bundle the BUILT package (dist/, through package.json exports) instead of src/.
const fromDist = args.includes('--dist');
// --thought: Google's answer text carries a thought signature, as Gemini 3 answers (and the emulator
// behind test/first-call-size.node.test.ts) do, so the on-demand part reader is measured too.
const thought = args.includes('--thought');
// --options='{ temperature: 0.2 }': the chat call's options (a JavaScript object literal).
const callOptions = args.find((a) => a.startsWith('--options='))?.slice('--options='.length);
// --rounds: every script answer is held 400 ms, and the scripts are listed by the round trip that
// fetched them (what a page waits through before the request goes out).
// A rough view: this server speaks HTTP/1.1, where Chromium opens six connections per host, so a
// request can wait for a free one and land a round late. The counts that are held as budgets come
// from test/support/page-download.ts (HTTP/2, scripts answered in waves).
const scriptDelay = args.includes('--rounds') ? 400 : 0;
// --keep: keep the bundle (its directory is printed) to read the chunks.
const keep = args.includes('--keep');
const wanted = args.filter((a) => !a.startsWith('--'));

const answers = {
  openai: {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1,
    model: 'gpt-5.4',
    choices: [
      { index: 0, message: { role: 'assistant', content: 'Hi there.' }, finish_reason: 'stop' },
    ],
    usage: { prompt_tokens: 3, completion_tokens: 3, total_tokens: 6 },
  },
  anthropic: {
    id: 'msg_1',
    type: 'message',
    role: 'assistant',
    model: 'claude-sonnet-4-6',
    content: [{ type: 'text', text: 'Hi there.' }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: 3, output_tokens: 3 },
  },
  google: {
    candidates: [
      {
        content: {
          role: 'model',
          parts: [{ text: 'Hi there.', ...(thought ? { thoughtSignature: 'c2lnbmF0dXJl' } : {}) }],
        },
        finishReason: 'STOP',
      },
    ],
    usageMetadata: { promptTokenCount: 3, candidatesTokenCount: 3, totalTokenCount: 6 },
  },
};
const classes = {
  openai: ['OpenAIModel', ''],
  anthropic: ['AnthropicModel', ', dangerouslyAllowBrowser: true'],
  google: ['GoogleModel', ''],
};

/** Resolves the package's own specifiers to src/ the way the packed package maps them for browsers. */
const srcMappings = {
  name: 'src-mappings',
  setup(build) {
    build.onResolve({ filter: /^alea-llm-client(\/.*)?$/ }, ({ path }) => {
      const sub = path.slice('alea-llm-client'.length + 1);
      const file = !sub
        ? 'src/index.ts'
        : ['cache', 'registry', 'prompts'].includes(sub.split('/')[0])
          ? `src/${sub}/index.ts`
          : `src/providers/${sub}/index.ts`;
      return { path: join(root, file) };
    });
    build.onResolve({ filter: /^#default-store$/ }, () => ({
      path: join(root, 'src/cache/default-store.indexeddb.ts'),
    }));
    build.onResolve({ filter: /^#key-file$/ }, () => ({
      path: join(root, 'src/keys/read-key-file.ts'),
    }));
  },
};

/**
 * The stretches (80+ characters, longest first) of one script that never ran, from a V8 coverage
 * entry: its ranges nest, so later (inner) ranges overwrite the counts of the outer ones.
 */
function neverRan({ source, functions }) {
  const ran = new Uint8Array(source.length);
  for (const { ranges } of functions)
    for (const { startOffset, endOffset, count } of ranges)
      ran.fill(count > 0 ? 1 : 0, startOffset, endOffset);
  const stretches = [];
  let idle = 0;
  for (let i = 0, from = -1; i <= source.length; i++) {
    if (i < source.length && !ran[i]) {
      idle++;
      if (from < 0) from = i;
    } else if (from >= 0) {
      if (i - from >= 80) stretches.push(source.slice(from, i));
      from = -1;
    }
  }
  stretches.sort((a, b) => b.length - a.length);
  return [
    `${' '.repeat(24)}never ran: ${idle} of ${source.length} characters; the longest stretches:`,
    ...stretches.slice(0, 20).map((t) => `${String(t.length).padStart(30)}  ${t.slice(0, 140)}`),
  ];
}

/** The entry chunks (the page's and every import() target's) that load `chunk` statically. */
function reachers(outputs, chunk) {
  const reaches = (from, seen = new Set()) => {
    if (from === chunk) return true;
    seen.add(from);
    return (outputs[from]?.imports ?? []).some(
      (i) => i.kind === 'import-statement' && !seen.has(i.path) && reaches(i.path, seen),
    );
  };
  return Object.entries(outputs)
    .filter(([path, o]) => o.entryPoint && reaches(path))
    .map(([, o]) => o.entryPoint.replace(/^.*?src\//, '').replace(/\.ts$/, ''))
    .join(' ');
}

async function measure(provider, server, port) {
  const dir = mkdtempSync(join(tmpdir(), 'alea-chunks-'));
  const [cls, extra] = classes[provider];
  writeFileSync(
    join(dir, 'consumer.mjs'),
    `import { ${cls} } from 'alea-llm-client/${provider}';
const model = new ${cls}({ endpoint: 'http://127.0.0.1:${port}/${provider}', apiKey: 'sk-test'${extra} });
model.chat('hello ' + Math.random()${callOptions ? `, ${callOptions}` : ''}).then(
  (r) => (window.__result = { text: r.text, cached: r.cached }),
  (e) => (window.__result = { error: String(e) }),
);`,
  );
  if (fromDist) {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(root, join(dir, 'node_modules/alea-llm-client'), 'dir');
  }
  const out = await esbuild.build({
    entryPoints: [join(dir, 'consumer.mjs')],
    absWorkingDir: dir,
    preserveSymlinks: fromDist,
    nodePaths: [join(root, 'node_modules')],
    tsconfigRaw: {},
    bundle: true,
    platform: 'browser',
    format: 'esm',
    minify: true,
    splitting: true,
    outdir: join(dir, 'out'),
    entryNames: '[name]',
    metafile: true,
    plugins: fromDist ? [] : [srcMappings],
    logLevel: 'silent',
  });
  writeFileSync(
    join(dir, 'out/index.html'),
    '<!doctype html><script type="module" src="consumer.js"></script>',
  );
  server.removeAllListeners('request');
  server.on('request', (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method === 'POST') {
      const name = path.split('/')[1];
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(answers[name] ?? {}));
      return;
    }
    try {
      const body = readFileSync(join(dir, 'out', path.slice(1) || 'index.html'));
      const type = path.endsWith('.js') ? 'text/javascript' : 'text/html';
      if (path.endsWith('.js')) arrivals.push([performance.now(), path.slice(1)]);
      setTimeout(
        () => res.writeHead(200, { 'content-type': type }).end(body),
        path.endsWith('.js') ? scriptDelay : 0,
      );
    } catch {
      res.writeHead(404).end();
    }
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const fetched = [];
  const arrivals = [];
  let roundsLine;
  let unused = [];
  try {
    const page = await browser.newPage();
    if (showUnused) await page.coverage.startJSCoverage({ resetOnNavigation: false });
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') fetched.push(new URL(r.url()).pathname.slice(1));
    });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => window.__result !== undefined, null, { timeout: 30_000 });
    const result = await page.evaluate(() => window.__result);
    if (scriptDelay) {
      // Requests of one round trip come together; the next round starts once a script arrived.
      const rounds = [];
      let last = -Infinity;
      for (const [at, name] of arrivals) {
        if (at - last >= scriptDelay / 2) rounds.push([]);
        rounds.at(-1).push(name);
        last = at;
      }
      roundsLine = `${rounds.length} round trips: ${rounds.map((r) => r.join(' ')).join(' | ')}`;
    }
    if (result.error) throw new Error(`${provider}: ${result.error}`);
    if (showUnused) unused = await page.coverage.stopJSCoverage();
  } finally {
    await browser.close();
  }
  let total = 0;
  const lines = [];
  for (const file of fetched) {
    const code = readFileSync(join(dir, 'out', file));
    const gz = gzipSync(code, { level: 9 }).length;
    total += gz;
    lines.push(`  ${String(gz).padStart(6)} gz ${String(code.length).padStart(6)} min  ${file}`);
    if (showModules) {
      const inputs = Object.entries(out.metafile.outputs[`out/${file}`]?.inputs ?? {})
        .map(([p, i]) => [
          p.replace(/^.*?(src\/|dist\/|node_modules\/(?!alea))/, '$1'),
          i.bytesInOutput,
        ])
        .filter(([, n]) => n > 0)
        .sort((a, b) => b[1] - a[1]);
      for (const [p, n] of inputs) lines.push(`${String(n).padStart(30)}  ${p}`);
      lines.push(`${' '.repeat(24)}reached by: ${reachers(out.metafile.outputs, `out/${file}`)}`);
    }
    const covered = unused.find((e) => e.url.endsWith(`/${file}`));
    if (covered) lines.push(...neverRan(covered));
  }
  const joined = gzipSync(Buffer.concat(fetched.map((f) => readFileSync(join(dir, 'out', f)))), {
    level: 9,
  }).length;
  if (keep) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
  console.log(
    `${provider}: ${total} B gzip in ${fetched.length} scripts (${joined} B as one script)`,
  );
  console.log(lines.join('\n'));
  if (roundsLine) console.log(roundsLine);
  return total;
}

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
try {
  for (const provider of wanted.length ? wanted : Object.keys(classes))
    await measure(provider, server, port);
} finally {
  server.close();
}
