// Bundle size of one chat call: alea-llm-client's entry points against the official SDKs and raw
// fetch, each bundled by esbuild (--bundle --minify --platform=browser, ESM) in the same run.
// alea-llm-client loads pako and the schema converter on demand, so its figure is the entry chunk;
// the on-demand chunks are listed separately.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entries = {
  'raw fetch': `const r = await fetch('https://api.openai.com/v1/chat/completions', { method: 'POST',
    headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'hi' }] }) }); console.log((await r.json()).choices[0]);`,
  'alea-llm-client/openai': `import { OpenAIModel } from 'alea-llm-client/openai';
    console.log(await new OpenAIModel({ model: 'gpt-4o-mini' }).chat('hi'));`,
  'alea-llm-client/anthropic': `import { AnthropicModel } from 'alea-llm-client/anthropic';
    console.log(await new AnthropicModel().chat('hi'));`,
  'alea-llm-client/google': `import { GoogleModel } from 'alea-llm-client/google';
    console.log(await new GoogleModel().chat('hi'));`,
  'openai 6.49': `import OpenAI from 'openai';
    console.log(await new OpenAI({ apiKey: 'k', dangerouslyAllowBrowser: true }).chat.completions.create({
      model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }));`,
  '@anthropic-ai/sdk 1.14': `import Anthropic from '@anthropic-ai/sdk';
    console.log(await new Anthropic({ apiKey: 'k', dangerouslyAllowBrowser: true }).messages.create({
      model: 'claude-sonnet-4-6', max_tokens: 100, messages: [{ role: 'user', content: 'hi' }] }));`,
};

const kb = (n) => (n / 1024).toFixed(1);
console.log('\nOne chat call, esbuild --bundle --minify --platform=browser, gzip -9\n');
console.log('| Bundle | entry min | entry gzip | on-demand chunks gzip |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, contents] of Object.entries(entries)) {
  let result;
  try {
    result = await build({
      stdin: { contents, resolveDir: root, loader: 'js' },
      bundle: true,
      minify: true,
      platform: 'browser',
      format: 'esm',
      splitting: true,
      outdir: '/tmp/alea-size-bench',
      write: false,
      metafile: true,
      // The repo's tsconfig maps #key-file to the Node source for type-checking; a consumer has none.
      tsconfigRaw: {},
      logLevel: 'silent',
    });
  } catch (error) {
    console.log(`| ${name} | (failed: ${String(error).split('\n')[0]}) | | |`);
    continue;
  }
  // Dynamic-import chunks are entry points too; the page's entry is the stdin one.
  const entryPath = Object.entries(result.metafile.outputs).find(
    ([, o]) => o.entryPoint === '<stdin>',
  )?.[0];
  const files = result.outputFiles.filter((f) => f.path.endsWith('.js'));
  const base = (path) => path.slice(path.lastIndexOf('/') + 1);
  const entry = files.find((f) => base(f.path) === base(entryPath ?? '')) ?? files[0];
  const chunks = files.filter((f) => f !== entry);
  const lazy = chunks.reduce((sum, f) => sum + gzipSync(f.contents, { level: 9 }).length, 0);
  console.log(
    `| ${name} | ${kb(entry.contents.length)} kB | ${kb(gzipSync(entry.contents, { level: 9 }).length)} kB | ${chunks.length ? `${kb(lazy)} kB` : '–'} |`,
  );
}
