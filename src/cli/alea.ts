/// <reference types="node" />
/**
 * `alea`: the command-line client (package.json `bin`). Node only (and Bun/Deno through their Node
 * compatibility); it imports the SDK through its public entry points, so no library bundle carries it.
 * @module
 */
import { isLLMError } from 'alea-llm-client';
import { batchCommand } from './batch-command.ts';
import { cacheCommand } from './cache-command.ts';
import { chatCommand } from './chat-command.ts';
import { modelsCommand } from './models-command.ts';
import { USAGE, UsageError } from './usage.ts';

const COMMANDS = { chat: chatCommand, models: modelsCommand, cache: cacheCommand } as const;

/**
 * Runs one command line.
 * @param argv - The arguments after `alea`.
 * @returns The exit code: 0 ok, 1 a call failed, 2 a usage error.
 */
async function main(argv: string[]): Promise<number> {
  const out = (text: string) => void process.stdout.write(`${text}\n`);
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    out(USAGE.main);
    return command === undefined ? 2 : 0;
  }
  const known = command in COMMANDS || command === 'batch';
  if (known && (args.includes('--help') || args.includes('-h'))) {
    out(USAGE[command as keyof typeof USAGE]);
    return 0;
  }
  try {
    if (command === 'batch') return await batchCommand(args, process.stderr);
    const run = COMMANDS[command as keyof typeof COMMANDS];
    if (!run) throw new UsageError(`unknown command "${command}"`);
    await run(args, out);
    return 0;
  } catch (e) {
    const usage =
      e instanceof UsageError
        ? e.command
        : (e as { code?: string })?.code?.startsWith('ERR_PARSE_ARGS')
          ? command
          : undefined;
    if (usage !== undefined) {
      process.stderr.write(
        `alea: ${(e as Error).message}\n\n${USAGE[(usage in USAGE ? usage : 'main') as keyof typeof USAGE]}\n`,
      );
      return 2;
    }
    if (isLLMError(e)) {
      // The SDK's advice names model options; on the command line the key comes from --key-env.
      const hint = e.name === 'MissingKeyError' ? ' (alea: pass --key-env NAME)' : '';
      process.stderr.write(`alea: ${e.name}: ${e.message}${hint}\n`);
      return 1;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
