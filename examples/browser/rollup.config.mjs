// Bundles the page with the project's rollup: browser conditions pick the IndexedDB default store
// and leave every node: module out. `npx rollup -c` writes dist/main.js (and lazy chunks).
import { nodeResolve } from '@rollup/plugin-node-resolve';

export default {
  input: 'main.js',
  output: { dir: 'dist', format: 'es' },
  plugins: [nodeResolve({ browser: true, exportConditions: ['browser'] })],
};
