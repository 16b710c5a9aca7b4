#!/usr/bin/env node
// Starts the loopback provider emulator for scripts and non-Node harnesses:
//   node test/emulator/cli.mjs [--port N] [--host H]
// Prints exactly one line, `EMULATOR_URL=http://127.0.0.1:PORT`, then serves until SIGTERM/SIGINT.
import { startEmulator } from './server.mjs';

function arg(name) {
  const argv = process.argv.slice(2);
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i === -1) return undefined;
  return argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1];
}

const port = Number(arg('port') ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`invalid --port: ${arg('port')}`);
  process.exit(2);
}
const emulator = await startEmulator({ port, host: arg('host') ?? '127.0.0.1' });
process.stdout.write(`EMULATOR_URL=${emulator.url}\n`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await emulator.close();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
