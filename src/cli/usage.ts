/** Thrown for a command line the CLI cannot run: printed with the usage text, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    /** The command whose usage to print. */
    readonly command: keyof typeof USAGE = 'main',
  ) {
    super(message);
  }
}

const MODEL_OPTIONS = `  --provider p      openai (default), anthropic, google, xai, vllm or compatible
  --model m         the model id (default: the provider's default model)
  --endpoint url    the server's base URL (required for compatible)
  --key-env NAME    read the key from this environment variable (sent to --endpoint as given);
                    otherwise the usual chain: OPENAI_API_KEY …, ~/.alea/keys/<provider>
  --no-cache        neither read nor write the cache (default: ~/.alea/cache or $ALEA_CACHE_DIR)`;

/** The usage text of each command. */
export const USAGE = {
  main: `Usage: alea <command> [options]

Commands:
  chat "prompt"            ask a model; prints the answer (--json: the whole response)
  models                   the model registry as a table (--json: as JSON)
  cache stats|list|prune|clear   look into or clean the result cache
  batch input.jsonl        one request per line, resumable through the cache

Run \`alea <command> --help\` for its options. Exit codes: 0 ok, 1 a call failed, 2 usage error.`,
  chat: `Usage: alea chat "prompt" [options]

${MODEL_OPTIONS}
  --system s        a system prompt
  --max-tokens n    the answer's token limit
  --temperature t   sampling temperature
  --effort e        reasoning effort (OpenAI family: reasoning_effort; Google: thinking level)
  --schema file     a JSON Schema file: the answer is an object of that shape, printed as JSON
  --json            print the whole response (text, usage, cost, cached, …) as JSON`,
  models: `Usage: alea models [options]

  --provider p          openai, anthropic, google or xai
  --capability list     comma-separated, e.g. tools,vision (see the README's registry section)
  --min-context n       smallest context window, in tokens
  --max-input-price x   highest input price, USD per million tokens
  --all                 include deprecated models
  --json                print the records as JSON`,
  cache: `Usage: alea cache stats|list|prune|clear [options]

  --dir path          the cache folder (default: $ALEA_CACHE_DIR, else ~/.alea/cache)
  --provider p        only this provider's entries
  --older-than age    prune: entries older than this (30d, 12h, 45m; default 30d)`,
  batch: `Usage: alea batch input.jsonl [--out results.jsonl] [options]

Each input line is {"prompt": "…"} or {"messages": […]}, with optional "id" and call options
("system", "maxTokens", "temperature", …). Results are written in input order, one line each:
{"line", "id", "ok": true, "text", "cached", "usage", "cost"} or {"line", "ok": false, "error"}.
A rerun sends only what is not cached yet: interrupted and failed lines.

${MODEL_OPTIONS}
  --out file        where to write the results (default: standard output)
  --concurrency n   calls in flight at once (default 4)
  --rpm n           at most n requests per minute (cached lines do not count)`,
} as const;
