import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { defaultStore } from 'alea-llm-client/cache';
import { createModel, effortOptions, MODEL_FLAG_OPTIONS } from './create-model.ts';
import { jsonSchemaCheck } from './json-schema-check.ts';
import { numberFlag } from './number-flag.ts';
import { UsageError } from './usage.ts';

/**
 * `alea chat "prompt"`: prints the answer, the object (`--schema`) or the whole response (`--json`).
 * @param args - The arguments after `chat`.
 * @param out - Where the answer goes.
 */
export async function chatCommand(args: string[], out: (text: string) => void): Promise<void> {
  const { values: flags, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...MODEL_FLAG_OPTIONS,
      system: { type: 'string' },
      'max-tokens': { type: 'string' },
      temperature: { type: 'string' },
      effort: { type: 'string' },
      schema: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  if (positionals.length !== 1)
    throw new UsageError('chat takes one prompt (quote it: alea chat "…")', 'chat');
  const maxTokens = numberFlag(flags['max-tokens'], 'max-tokens', 'chat', true);
  const temperature = numberFlag(flags.temperature, 'temperature', 'chat');
  const options = {
    ...(flags.system !== undefined && { system: flags.system }),
    ...(maxTokens !== undefined && { maxTokens }),
    ...(temperature !== undefined && { temperature }),
    ...(flags.effort !== undefined && effortOptions(flags.provider, flags.effort)),
  };
  let schema;
  if (flags.schema !== undefined) {
    let text: string;
    try {
      text = await readFile(flags.schema, 'utf8');
    } catch (e) {
      throw new UsageError(
        `--schema: cannot read ${flags.schema}: ${(e as Error).message}`,
        'chat',
      );
    }
    try {
      schema = JSON.parse(text);
    } catch (e) {
      throw new UsageError(
        `--schema: ${flags.schema} is not JSON: ${(e as Error).message}`,
        'chat',
      );
    }
  }
  const model = await createModel(flags, 'chat', { cache: defaultStore() });
  const [prompt] = positionals as [string];
  if (schema) {
    const r = await model.object(prompt, { ...options, schema: jsonSchemaCheck(schema) });
    out(JSON.stringify(flags.json ? r : r.data, null, 2));
  } else {
    const r = await model.chat(prompt, options);
    out(flags.json ? JSON.stringify(r, null, 2) : r.text);
  }
}
