// The stored entry format: small entries are plain JSON, large ones gzip, and a reader reads both
// from stored fixtures (gzip-v1 was written by the codec before small entries went plain, with the
// whole pako package), so a cache written by an earlier version keeps its hits.
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CacheEntry } from '../src/core/cache-store.ts';
import { decodeEntry } from '../src/cache/decode-entry.ts';
import { encodeEntry, PLAIN_BELOW } from '../src/cache/encode-entry.ts';

const fixture = (name: string) =>
  readFile(new URL(`fixtures/cache-entries/${name}`, import.meta.url)).then(
    (b) => new Uint8Array(b),
  );

const entryOf = (text: string): CacheEntry =>
  ({
    v: 1,
    createdAt: Date.now(),
    response: { text, provider: 'openai', model: 'm', messages: [] },
  }) as unknown as CacheEntry;

describe('stored fixtures', () => {
  it('reads a gzip entry', async () => {
    const found = await decodeEntry(await fixture('gzip-v1.json.gz'));
    expect(found.status === 'ok' && found.entry.response.text).toBe(
      'Hi from a gzip entry, Grüße 👋',
    );
  });
  it('reads a plain entry', async () => {
    const found = await decodeEntry(await fixture('plain-v1.json'));
    expect(found.status === 'ok' && found.entry.response.text).toBe(
      'Hi from a plain entry, Grüße 👋',
    );
  });
  it('honours the expiry stored inside a gzip entry', async () => {
    expect(await decodeEntry(await fixture('gzip-expiring-v1.json.gz'))).toEqual({
      status: 'expired',
    });
  });
});

describe('writing', () => {
  // JSON of exactly `size` bytes: the text is padded until the encoded entry has that length.
  const sized = (size: number) => {
    const base = JSON.stringify(entryOf('')).length;
    return entryOf('x'.repeat(size - base));
  };

  it(`stores JSON under ${PLAIN_BELOW} bytes as is and gzips from there`, async () => {
    const small = await encodeEntry(sized(PLAIN_BELOW - 1));
    expect(small.length).toBe(PLAIN_BELOW - 1);
    expect(JSON.parse(new TextDecoder().decode(small)).response.text).toMatch(/^x+$/);
    const large = await encodeEntry(sized(PLAIN_BELOW));
    expect([large[0], large[1]]).toEqual([0x1f, 0x8b]);
    expect(gunzipSync(large).length).toBe(PLAIN_BELOW);
  });

  it('gzips every entry when the store asks (plainBelow 0), and both forms read back', async () => {
    const tiny = entryOf('tiny');
    const zipped = await encodeEntry(tiny, undefined, 0);
    expect([zipped[0], zipped[1]]).toEqual([0x1f, 0x8b]);
    for (const bytes of [zipped, await encodeEntry(tiny)])
      expect(await decodeEntry(bytes)).toEqual({ status: 'ok', entry: tiny });
  });

  it('keeps the expiry in either form', async () => {
    for (const plainBelow of [0, PLAIN_BELOW]) {
      const bytes = await encodeEntry(entryOf('old'), Date.now() - 1, plainBelow);
      expect(await decodeEntry(bytes)).toEqual({ status: 'expired' });
    }
  });
});

describe('bytes that are neither form are corrupt, never a crash', () => {
  const cases: Array<[string, Uint8Array]> = [
    ['empty', new Uint8Array(0)],
    ['another first byte', new TextEncoder().encode('[1,2]')],
    ['plain JSON cut short', new TextEncoder().encode('{"v":1,"createdAt":')],
    ['invalid UTF-8 after {', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])],
    ['a gzip header only', new Uint8Array([0x1f, 0x8b, 8, 0])],
    ['JSON that is not an entry', new TextEncoder().encode('{"v":2}')],
    // Complete in every other respect: only the version says it is not ours to read.
    [
      'an entry of another format version',
      new TextEncoder().encode(JSON.stringify({ ...entryOf('from a later format'), v: 2 })),
    ],
  ];
  for (const [name, bytes] of cases)
    it(name, async () => expect((await decodeEntry(bytes)).status).toBe('corrupt'));
  // What an IndexedDB record may hold besides bytes (written by hand or another version).
  const values: unknown[] = ['{"v":1}', null, { v: 1 }, new ArrayBuffer(1), [0x7b]];
  it.each(values)('a stored value that is not bytes (%j), with the reason bytes give', async (v) =>
    expect(await decodeEntry(v)).toEqual({ status: 'corrupt', reason: 'neither JSON nor gzip' }),
  );
});

describe('the decoder loads on demand', () => {
  afterEach(() => {
    vi.doUnmock('../src/cache/decode-entry.ts');
    vi.resetModules();
  });

  it('a miss loads no decoder; a failed load is an unreadable entry (a miss with a warning), retried by the next read', async () => {
    vi.resetModules();
    let loads = 0;
    vi.doMock('../src/cache/decode-entry.ts', async (original) => {
      loads++;
      if (loads === 1) throw new Error('chunk failed to load');
      return original();
    });
    const { byteStore } = await import('../src/cache/byte-store.ts');
    const bytes = new Map<string, Uint8Array>();
    const warnings: string[] = [];
    const store = byteStore(
      {
        name: 'test',
        read: async (key) => bytes.get(key),
        write: async (key, value) => void bytes.set(key, value),
        remove: async (key) => void bytes.delete(key),
        list: async () => [...bytes.keys()],
      },
      (m) => warnings.push(m),
    );
    const key = `openai/${'0'.repeat(16)}/${'1'.repeat(64)}`;
    expect(await store.get(key)).toBeUndefined();
    expect(loads).toBe(0);
    const entry = entryOf('stored');
    await store.set(key, entry);
    expect(await store.get(key)).toBeUndefined();
    expect(warnings).toEqual([
      expect.stringMatching(/^\[cache:test\] cannot read openai\/.*treated as a miss/),
    ]);
    expect(await store.get(key)).toEqual(entry);
    expect(loads).toBe(2);
  });
});

describe('the warnings of a read that finds a bad entry', () => {
  const key = `openai/${'0'.repeat(16)}/${'1'.repeat(64)}`;

  it('a byte store names the entry and what is wrong with it', async () => {
    const { byteStore } = await import('../src/cache/byte-store.ts');
    const warnings: string[] = [];
    const store = byteStore(
      {
        name: 'test',
        read: async () => new TextEncoder().encode('{"v":2}'),
        write: async () => {},
        remove: async () => {},
        list: async () => [],
      },
      (m) => warnings.push(m),
    );
    expect(await store.get(key)).toBeUndefined();
    expect(warnings).toEqual([
      `[cache:test] entry ${key} is corrupt (not a cache entry); treated as a miss, the next result replaces it.`,
    ]);
  });

  it('the pipeline names a value of a custom store that is not an entry', async () => {
    const { OpenAIModel } = await import('../src/providers/openai/index.ts');
    const warnings: string[] = [];
    const model = new OpenAIModel({
      apiKey: 'sk-test',
      cache: { name: 'custom', get: () => ({ v: 1 }) as never, set: () => {} },
      onWarning: (m) => warnings.push(m),
      fetch: async () => {
        const message = { role: 'assistant', content: 'fresh' };
        const choices = [{ index: 0, message, finish_reason: 'stop' }];
        return Response.json({ id: 'c', object: 'chat.completion', model: 'gpt-4o', choices });
      },
    });
    expect((await model.chat('hi')).text).toBe('fresh');
    expect(warnings).toEqual([
      expect.stringMatching(
        /^\[cache:custom\] entry openai\/[0-9a-f]{16}\/[0-9a-f]{64} is corrupt \(not a cache entry\); ignored\.$/,
      ),
    ]);
  });
});
