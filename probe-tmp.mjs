import * as esbuild from 'esbuild';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const dir = mkdtempSync('/tmp/wtc/pr-');
mkdirSync(join(dir, 'node_modules'));
symlinkSync(process.cwd(), join(dir, 'node_modules/alea-llm-client'));
writeFileSync(join(dir, 'c.mjs'), process.argv[2]);
const r = await esbuild.build({ entryPoints: [join(dir, 'c.mjs')], absWorkingDir: dir, preserveSymlinks: true, tsconfigRaw: {}, bundle: true, format: 'esm', write: false, splitting: !process.env.NOSPLIT, minify: true, outdir: join(dir, 'out'), platform: 'browser', logLevel: 'error', metafile: true});
for (const f of r.outputFiles) { console.log('=====', f.path.split('/').pop(), f.text.length); if (process.argv[3] && f.path.includes(process.argv[3])) console.log(f.text.slice(0, 20000)); }
