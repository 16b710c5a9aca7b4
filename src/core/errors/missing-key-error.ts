import { LLMError } from './llm-error.ts';

/** What {@link MissingKeyError} reports. */
export interface MissingKeyInit {
  provider: string;
  /** The places looked in, in order (`the apiKey option`, `the environment variable X`, …). */
  sources: readonly string[];
  /** Where the user could put a key for this endpoint: variable names and the key file. */
  settable: { env: readonly string[]; file?: string };
  /**
   * Set when the endpoint is not one that keys from the environment or a key file may reach:
   * the hosts they are kept for, and the endpoint that was asked for.
   */
  untrusted?: { endpoint: string; hosts: readonly string[] };
}

/** `a`, `a and b`, `a, b and c` (or `or`). */
const list = (items: readonly string[], word = 'and') =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${word} ${items.at(-1)}`;

function messageOf({ provider, sources, settable, untrusted }: MissingKeyInit): string {
  const looked = `Looked in ${list(sources)}.`;
  const pass = 'pass `apiKey` or `keyResolver` to the model';
  const places = [...settable.env, ...(settable.file ? [settable.file] : [])];
  if (untrusted) {
    const kept = places.length
      ? `Keys from ${list(places)} are only sent over https to ${list(untrusted.hosts, 'or')}, ` +
        'on the default port; '
      : '';
    return `No API key for ${provider} at ${untrusted.endpoint}. ${looked} ${kept}${pass} for this endpoint.`;
  }
  const ways = [pass];
  if (settable.env.length) ways.push(`set ${list(settable.env, 'or')}`);
  if (settable.file) ways.push(`write the key to ${settable.file}`);
  // The ways hold "or" themselves: a comma before the last one keeps them apart.
  const advice = `${ways.slice(0, -1).join(', ')}${ways.length > 1 ? ', or ' : ''}${ways.at(-1)}`;
  return `No API key for ${provider}. ${looked} ${advice[0]!.toUpperCase()}${advice.slice(1)}.`;
}

/** No API key was found. The message lists every place that was looked in and how to supply one. */
export class MissingKeyError extends LLMError {
  override readonly name: string = 'MissingKeyError';
  readonly provider: string;
  /** The places looked in, in order. */
  readonly sources: readonly string[];

  constructor(init: MissingKeyInit) {
    super(messageOf(init));
    this.provider = init.provider;
    this.sources = init.sources;
  }
}
