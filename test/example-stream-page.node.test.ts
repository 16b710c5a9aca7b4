// The README's browser example (examples/stream.html) in real Chromium over the BUILT package, served
// as a static site from the repository root: it renders a stream from the emulator, a rerun is
// replayed from IndexedDB with no request, and Stop ends a stalled stream. Needs dist/.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { scenario, uniquePrompt } from './shared/emulator-client.mjs';
import { requireDist, ROOT } from './support/bundle-consumer.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
};
let server: Server;
let site: string;
let browser: Browser;

beforeAll(async () => {
  requireDist();
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url!, 'http://x').pathname));
    readFile(join(ROOT, path)).then(
      (body) =>
        res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'text/plain' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  site = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
});
afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => server?.close(ok));
});

it(
  'examples/stream.html renders the stream, replays a rerun from the cache and stops a stalled stream',
  { timeout: 90_000 },
  async () => {
    const emulatorUrl = inject('emulatorUrl');
    const s = await scenario(emulatorUrl);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const prompt = uniquePrompt('stream to the page');
    const query = new URLSearchParams({ endpoint: s.endpoint, key: 'sk-page', prompt });
    await page.goto(`${site}/examples/stream.html?${query}`);
    await page.click('#send');
    await page.waitForSelector('#status:has-text("done")');
    expect(await page.textContent('#output')).toBe(`Echo: ${prompt}`);
    expect(await page.textContent('#status')).toMatch(/done: stop, \d+ tokens/);
    await page.click('#send');
    await page.waitForSelector('#status:has-text("replayed from the cache")');
    expect(await page.textContent('#output')).toBe(`Echo: ${prompt}`);
    expect((await s.requests()).length, 'one request for both runs').toBe(1);

    const stalled = await scenario(emulatorUrl, { faults: [{ stallAfter: 2 }] });
    await page.fill('[name=endpoint]', stalled.endpoint);
    await page.fill('[name=prompt]', uniquePrompt('a long answer to stop'));
    await page.click('#send');
    await page.waitForFunction(() => document.querySelector('#output')!.textContent!.length > 0);
    await page.click('#stop');
    await page.waitForSelector('#status:has-text("stopped")');
    expect(errors).toEqual([]);
    await page.close();
  },
);
