// Which chunks of a consumer bundle one streamed call loads, measured by running it: each chunk is
// written with a first statement that records its name when it is evaluated, and the consumer runs
// in a child Node process (the browser bundle uses only fetch and web streams) against an SSE
// answer from its own `fetch`. Used by the streamed-call budget in bundle-size.node.test.ts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsumerBundle } from './bundle-consumer.ts';

const RECORD = (name: string) =>
  `globalThis.__chunks??=[];globalThis.__chunks.push(${JSON.stringify(name)});\n`;

/**
 * Runs the bundle's entry (whose code must end with a promise stored in `globalThis.__done`) and
 * returns the lazy chunks it evaluated, by file name.
 */
export function chunksLoaded(bundle: ConsumerBundle): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'alea-stream-chunks-'));
  try {
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    for (const [name, text] of Object.entries(bundle.lazy))
      writeFileSync(join(dir, name), RECORD(name) + text);
    writeFileSync(join(dir, 'entry.js'), bundle.entry);
    const main = `await import('./entry.js'); await globalThis.__done;
process.stdout.write(JSON.stringify(globalThis.__chunks ?? []));`;
    writeFileSync(join(dir, 'main.js'), main);
    const out = execFileSync(process.execPath, [join(dir, 'main.js')], { encoding: 'utf8' });
    return JSON.parse(out) as string[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
