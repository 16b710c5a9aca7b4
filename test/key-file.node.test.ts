// ~/.alea/keys/{provider} files (README "Keys"): read after the environment, trimmed (an editor's
// final newline is not part of the key), and like environment keys only sent to the provider's own
// host. Node only: the file reader is the node flavour of `#key-file`. This file's process gets its
// own HOME, so no other test file sees the key file it writes.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { MissingKeyError } from '../src/index.ts';
import { OpenAIModel } from '../src/providers/openai/index.ts';

const home = mkdtempSync(join(tmpdir(), 'alea-key-file-'));
process.env.HOME = home;
mkdirSync(join(home, '.alea', 'keys'), { recursive: true });
writeFileSync(join(home, '.alea', 'keys', 'openai'), '  sk-from-file\n', { mode: 0o600 });
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** The Authorization header a call sends, through a fetch that answers 'ok'. */
async function authOf(options: ConstructorParameters<typeof OpenAIModel>[0]) {
  let auth: string | null = null;
  await new OpenAIModel({
    model: 'gpt-4o-mini',
    cache: false,
    ...options,
    fetch: async (_url, init) => {
      auth = new Headers(init?.headers).get('authorization');
      return new Response(JSON.stringify({ choices: [{ message: { content: 'ok' } }] }));
    },
  }).chat('hi');
  return auth;
}

it('reads the key file, trimmed, when the environment has no key', async () => {
  expect(await authOf({ env: {} })).toBe('Bearer sk-from-file');
});

it('prefers the environment to the key file', async () => {
  expect(await authOf({ env: { OPENAI_API_KEY: 'sk-from-env' } })).toBe('Bearer sk-from-env');
});

it('never sends the key file to another host', async () => {
  await expect(authOf({ env: {}, endpoint: 'https://proxy.example.test' })).rejects.toBeInstanceOf(
    MissingKeyError,
  );
});

it('warns once when a key file can be read by other users, and still uses the key', async () => {
  const file = join(home, '.alea', 'keys', 'anthropic');
  writeFileSync(file, 'sk-ant-shared\n');
  chmodSync(file, 0o644);
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    const { AnthropicModel } = await import('../src/providers/anthropic/index.ts');
    const call = () =>
      new AnthropicModel({
        cache: false,
        env: {},
        fetch: async (_url, init) => {
          expect(new Headers(init?.headers).get('x-api-key')).toBe('sk-ant-shared');
          const body = { content: [{ type: 'text', text: 'ok' }], stop_reason: 'end_turn' };
          return new Response(
            JSON.stringify({ ...body, usage: { input_tokens: 1, output_tokens: 1 } }),
          );
        },
      }).chat('hi');
    await call();
    await call();
    const lines = warn.mock.calls.map((c) => String(c[0])).filter((m) => m.startsWith('[keys]'));
    expect(lines).toEqual([
      '[keys] ~/.alea/keys/anthropic can be read by other users (mode 644): run `chmod 600 ' +
        '~/.alea/keys/anthropic` so only you can read the key.',
    ]);
    warn.mockClear();
    await authOf({ env: {} }); // the openai file is 0600: nothing to say
    expect(warn.mock.calls.filter((c) => String(c[0]).startsWith('[keys]'))).toEqual([]);
  } finally {
    warn.mockRestore();
  }
});
