// What a web page downloads for a call, measured the way a page meets it: the PACKED package
// (npm pack, unpacked into a temp node_modules like an install) is bundled by esbuild with code
// splitting, served over HTTP and opened in real Chromium (Playwright, Debian's binary), and every
// script the page fetched is counted, gzip -9 each. Node project only; needs dist/.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createSecureServer } from 'node:http2';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { ROOT } from './bundle-consumer.ts';

/** One script the page fetched. */
export interface FetchedScript {
  /** File name, hash dropped (`consumer.js`, `openai-spec.js`, …). */
  name: string;
  /** gzip -9 size in bytes. */
  gzip: number;
}

/** What one page load fetched and what its code reported. */
export interface PageDownload {
  /** Every script, in fetch order; the first is the entry. */
  scripts: FetchedScript[];
  /** Sum of every script's gzip size. */
  total: number;
  /** What the page put in `window.__result` (or `{ error }`). */
  result: unknown;
  /**
   * With `scriptDelayMs`: the scripts grouped by the round trip that fetched them. A script the
   * page can only ask for once an earlier one has arrived (a static import of it, or code that
   * awaits it before an `import()`) is in a later round; scripts asked for together share one.
   */
  rounds?: string[][];
}

/** How the page is served. */
export interface PageOptions {
  /**
   * Serves scripts in waves, one per round trip: every script request is held until none has come
   * for this long, then the held ones are answered together. A script the page can only ask for
   * once another has arrived lands in a later wave; scripts asked for together share one, however
   * the CPU work between them is timed (it only has to stay under this quiet time). Answers to API
   * calls are not held.
   */
  scriptDelayMs?: number;
  /**
   * Values the page's code reads as `window.__args` (set by the HTML page, not a script): a run's
   * prompt and endpoint change every run, and written into the module they moved its size by a few
   * bytes from run to run.
   */
  args?: Record<string, string>;
}

let packed: string | undefined;

/** Packs the repo once per process and unpacks it as `node_modules/alea-llm-client` in `dir`. */
function install(dir: string): void {
  if (!packed) {
    const out = mkdtempSync(join(tmpdir(), 'alea-pack-'));
    const name = execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', out], {
      cwd: ROOT,
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .at(-1)!;
    packed = join(out, name);
  }
  const target = join(dir, 'node_modules/alea-llm-client');
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', packed, '-C', target, '--strip-components=1']);
  const pkg = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8'));
  for (const dep of Object.keys(pkg.dependencies ?? {})) {
    mkdirSync(dirname(join(dir, 'node_modules', dep)), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', dep), join(dir, 'node_modules', dep), 'dir');
  }
}

/**
 * Bundles `code` (a module that sets `window.__result` when done) against the packed package, opens
 * it in Chromium and measures every script the page fetched.
 * @param code - The consumer module.
 * @param loads - How many times to load the page in one browser profile (IndexedDB persists).
 * @param options - How the page is served.
 * @returns One download per load.
 */
export async function pageDownloads(
  code: string,
  loads = 1,
  { scriptDelayMs = 0, args = {} }: PageOptions = {},
): Promise<PageDownload[]> {
  const dir = mkdtempSync(join(tmpdir(), 'alea-page-'));
  // HTTP/2, as sites serve scripts: over HTTP/1.1 Chromium opens six connections per host, so a
  // seventh script request waited for a free one and round trips depended on which got one first.
  const tls = join(ROOT, 'test/fixtures/loopback-tls');
  const server = createSecureServer({
    key: readFileSync(join(tls, 'key.pem')),
    cert: readFileSync(join(tls, 'cert.pem')),
    allowHTTP1: true,
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--ignore-certificate-errors',
    ],
  });
  try {
    install(dir);
    writeFileSync(join(dir, 'consumer.mjs'), code);
    const { metafile } = await esbuild.build({
      metafile: true,
      entryPoints: [join(dir, 'consumer.mjs')],
      absWorkingDir: dir,
      bundle: true,
      platform: 'browser',
      format: 'esm',
      minify: true,
      splitting: true,
      outdir: join(dir, 'out'),
      entryNames: '[name]',
      logLevel: 'silent',
    });
    // A shared chunk is named after its largest module in the round-trip log: `chunk(core)`.
    const labels = new Map<string, string>();
    for (const [out, { inputs }] of Object.entries(metafile.outputs)) {
      const main = Object.entries(inputs).sort(
        (a, b) => b[1].bytesInOutput - a[1].bytesInOutput,
      )[0];
      if (main && /(^|\/)chunk-[A-Z0-9]{8}\.js$/.test(out))
        labels.set(out.replace(/^.*\//, ''), `chunk(${main[0].replace(/^.*\/|\.js$/g, '')})`);
    }
    writeFileSync(
      join(dir, 'out/index.html'),
      `<!doctype html><script>window.__args = ${JSON.stringify(args).replace(/</g, '\\u003c')}</script>` +
        '<script type="module" src="consumer.js"></script>',
    );
    let rounds: string[][] = [];
    let held: { file: string; send: () => void }[] = [];
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const release = () => {
      const wave = held;
      held = [];
      rounds.push(
        wave.map((s) => labels.get(s.file) ?? s.file.replace(/-[A-Z0-9]{8}\.js$/, '.js')),
      );
      for (const script of wave) script.send();
    };
    server.on('request', (req, res) => {
      const file = join(
        dir,
        'out',
        new URL(req.url ?? '/', 'http://x').pathname.slice(1) || 'index.html',
      );
      try {
        const body = readFileSync(file);
        const type = file.endsWith('.html') ? 'text/html' : 'text/javascript';
        const send = () =>
          res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
        if (type === 'text/html' || !scriptDelayMs) return send();
        held.push({ file: file.slice(file.lastIndexOf('/') + 1), send });
        clearTimeout(quiet);
        quiet = setTimeout(release, scriptDelayMs);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const page = await (await browser.newContext()).newPage();
    let scripts: FetchedScript[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      const file = new URL(response.url()).pathname.slice(1);
      const gzip = gzipSync(readFileSync(join(dir, 'out', file)), { level: 9 }).length;
      scripts.push({ name: file.replace(/-[A-Z0-9]{8}\.js$/, '.js'), gzip });
    });
    const downloads: PageDownload[] = [];
    for (let load = 0; load < loads; load++) {
      scripts = [];
      rounds = [];
      await page.goto(`https://127.0.0.1:${port}/`);
      await page.waitForFunction(() => (window as any).__result !== undefined, null, {
        timeout: 30_000,
      });
      const result = await page.evaluate(() => (window as any).__result);
      const total = scripts.reduce((n, s) => n + s.gzip, 0);
      downloads.push({
        scripts,
        total,
        result,
        ...(scriptDelayMs && { rounds }),
      });
    }
    return downloads;
  } finally {
    await browser.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
