// Bundle size of one chat call: alea-llm-client's entry points against the official SDKs (openai 6
// and 7, @anthropic-ai/sdk, @google/genai when installed), the AI SDK and raw fetch, each bundled
// by esbuild (--bundle --minify --platform=browser, ESM, code splitting) in the same run. "Up front" is what a page loads before
// the call runs: the entry chunk and every chunk it imports statically (esbuild moves code shared
// with on-demand chunks into such chunks). "On demand" is every other chunk (registry slice, schema
// and tool code, pako, IndexedDB), fetched only by calls that need it. Chunks are gzipped one by one,
// as a server sends them. SDK versions are read from node_modules, so the labels are what was measured.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const version = (dir) =>
  JSON.parse(readFileSync(`${root}/node_modules/${dir}/package.json`, 'utf8')).version;
const openaiCall = (pkg) => `import OpenAI from '${pkg}';
    console.log(await new OpenAI({ apiKey: 'k', dangerouslyAllowBrowser: true }).chat.completions.create({
      model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }));`;
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
  [`openai ${version('openai')}`]: openaiCall('openai'),
  [`openai ${version('openai7')}`]: openaiCall('openai7'),
  [`@anthropic-ai/sdk ${version('@anthropic-ai/sdk')}`]: `import Anthropic from '@anthropic-ai/sdk';
    console.log(await new Anthropic({ apiKey: 'k', dangerouslyAllowBrowser: true }).messages.create({
      model: 'claude-sonnet-4-6', max_tokens: 100, messages: [{ role: 'user', content: 'hi' }] }));`,
  [`ai ${version('ai')} + @ai-sdk/openai ${version('@ai-sdk/openai')}`]: `import { generateText } from 'ai';
    import { createOpenAI } from '@ai-sdk/openai';
    console.log(await generateText({ model: createOpenAI({ apiKey: 'k' }).chat('gpt-4o-mini'),
      prompt: 'hi' }));`,
};
// @google/genai is no dev dependency (its size is measured when it is installed).
if (existsSync(`${root}/node_modules/@google/genai/package.json`)) {
  entries[`@google/genai ${version('@google/genai')}`] =
    `import { GoogleGenAI } from '@google/genai';
    console.log(await new GoogleGenAI({ apiKey: 'k' }).models.generateContent({
      model: 'gemini-2.5-flash', contents: 'hi' }));`;
} else {
  console.log('(@google/genai is not installed: npm i -D @google/genai adds its row)');
}

const kb = (n) => (n / 1024).toFixed(1);
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
console.log(`\nOne chat call, esbuild ${(await import('esbuild')).version} --bundle --minify`);
console.log(`--platform=browser --splitting, gzip -9 per chunk; Node ${process.version}\n`);
console.log('| Bundle | up front min | up front gzip | on demand gzip |');
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
  const { outputs } = result.metafile;
  // Dynamic-import chunks are entry points too; the page's entry is the stdin one.
  const entryPath = Object.entries(outputs).find(([, o]) => o.entryPoint === '<stdin>')?.[0];
  const upfront = new Set();
  const visit = (path) => {
    if (upfront.has(path)) return;
    upfront.add(path);
    for (const i of outputs[path]?.imports ?? [])
      if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(entryPath);
  const files = result.outputFiles.filter((f) => f.path.endsWith('.js'));
  // Metafile paths are relative to the working directory; output files carry absolute paths.
  const isUpfront = (f) => [...upfront].some((p) => resolve(p) === f.path);
  const sum = (fs, size) => fs.reduce((n, f) => n + size(f.contents), 0);
  const now = files.filter(isUpfront);
  const later = files.filter((f) => !isUpfront(f));
  console.log(
    `| ${name} | ${kb(sum(now, (c) => c.length))} kB | ${kb(sum(now, gz))} kB | ${later.length ? `${kb(sum(later, gz))} kB` : '–'} |`,
  );
}
