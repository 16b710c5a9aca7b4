// AnthropicModel's key sources in Node: the ANTHROPIC_API_KEY environment variable and the key file
// ~/.alea/keys/anthropic, each sent as x-api-key to api.anthropic.com (redirected to the emulator by
// `fetch`) and never to another host. HOME points at a fresh folder for this file only (the node
// project gives every file a shared one, see vitest.config.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MissingKeyError } from '../src/index.ts';
import { AnthropicModel } from '../src/providers/anthropic/index.ts';
import { scenario } from './shared/emulator-client.mjs';

const saved = { HOME: process.env.HOME, ANTHROPIC_API_KEY: process.env.ANTHROPIC_API_KEY };
let home: string;

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'alea-anthropic-keys-'));
  process.env.HOME = home;
  delete process.env.ANTHROPIC_API_KEY;
});
afterAll(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  rmSync(home, { recursive: true, force: true });
});

/** A model calling api.anthropic.com, whose requests land in an emulator scenario. */
async function direct() {
  const s = await scenario(inject('emulatorUrl'), { requireAuth: true });
  const model = new AnthropicModel({
    cache: false,
    fetch: (input, init) =>
      fetch(String(input).replace('https://api.anthropic.com', s.endpoint), init),
  });
  const keySent = async () => {
    await model.chat('hi');
    return (await s.requests()).at(-1)!.headers['x-api-key'];
  };
  return { model, keySent };
}

const writeKeyFile = (text: string) => {
  mkdirSync(join(home, '.alea', 'keys'), { recursive: true });
  writeFileSync(join(home, '.alea', 'keys', 'anthropic'), text);
};

describe('AnthropicModel keys in Node', () => {
  it('reads ANTHROPIC_API_KEY from process.env', async () => {
    process.env.ANTHROPIC_API_KEY = 'sk-ant-process-env';
    try {
      expect(await (await direct()).keySent()).toBe('sk-ant-process-env');
    } finally {
      delete process.env.ANTHROPIC_API_KEY;
    }
  });

  it('reads ~/.alea/keys/anthropic (trimmed), after the environment variable', async () => {
    writeKeyFile('  sk-ant-from-file\n');
    try {
      const { keySent } = await direct();
      expect(await keySent()).toBe('sk-ant-from-file');
      process.env.ANTHROPIC_API_KEY = 'sk-ant-env-wins';
      expect(await keySent()).toBe('sk-ant-env-wins');
    } finally {
      delete process.env.ANTHROPIC_API_KEY;
      rmSync(join(home, '.alea'), { recursive: true, force: true });
    }
  });

  it('never sends the key file to another host, and says where it looked', async () => {
    writeKeyFile('sk-ant-from-file');
    try {
      const s = await scenario(inject('emulatorUrl'));
      const proxy = new AnthropicModel({ endpoint: s.endpoint, cache: false });
      const err = await proxy.chat('hi').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MissingKeyError);
      expect(String(err)).not.toContain('sk-ant-from-file');
      expect((await s.requests()).length).toBe(0);
      rmSync(join(home, '.alea'), { recursive: true, force: true });
      const missing = await (await direct()).model.chat('hi').catch((e: unknown) => e);
      expect(String(missing)).toContain('~/.alea/keys/anthropic');
      expect(String(missing)).toContain('ANTHROPIC_API_KEY');
    } finally {
      rmSync(join(home, '.alea'), { recursive: true, force: true });
    }
  });
});
