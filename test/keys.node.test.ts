// Key files in Node (issue 16 item 1): the key is the file's first line that is neither blank nor a
// `#` comment, trimmed, so a file that keeps an old key below the new one works; a key line that is
// not one key is refused, naming the file and never the text. HOME points at a folder of this file's
// own (vitest runs each file in its own process), restored afterwards.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { InvalidRequestError } from '../src/index.ts';
import { OpenAIModel } from '../src/providers/openai/index.ts';

let home = '';
const previousHome = process.env.HOME;
beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'alea-keys-'));
  await mkdir(join(home, '.alea', 'keys'), { recursive: true });
  process.env.HOME = home;
});
afterAll(async () => {
  process.env.HOME = previousHome;
  await rm(home, { recursive: true, force: true });
});

async function callWithKeyFile(text: string) {
  await writeFile(join(home, '.alea', 'keys', 'openai'), text);
  const sent: string[] = [];
  const model = new OpenAIModel({
    cache: false,
    retryLimit: 0,
    env: {},
    fetch: async (_url, init) => {
      sent.push(new Headers(init?.headers).get('authorization') ?? '');
      return Response.json({ choices: [{ message: { content: 'ok' }, finish_reason: 'stop' }] });
    },
  });
  return { sent, result: model.chat('hi') };
}

it('a key file may keep comments and an old key below the key', async () => {
  const { sent, result } = await callWithKeyFile(
    '# rotated on 1 May\n\n  sk-new-1234  \r\n# old: sk-old-5678\nnotes\n',
  );
  await result;
  expect(sent).toEqual(['Bearer sk-new-1234']);
});

it('a key line that holds two keys is refused, naming the file and not the keys', async () => {
  const { sent, result } = await callWithKeyFile('sk-new-1234 sk-old-5678\n');
  const error = (await result.then(
    () => undefined,
    (e: unknown) => e,
  )) as Error;
  expect(error).toBeInstanceOf(InvalidRequestError);
  expect(error.message).toMatch(/^The key from the file ~\/\.alea\/keys\/openai contains a space/);
  expect(error.message).not.toMatch(/1234|5678/);
  expect(sent).toEqual([]);
});
