/** An environment to read variables from, such as a Worker's `env` or `process.env`. */
export type EnvSource = Readonly<Record<string, unknown>>;

/**
 * Reads an environment variable without assuming a runtime: the given object first, then
 * `process.env` (Node, Bun), then `Deno.env` (which throws without `--allow-env`). Browsers and
 * Workers have neither, so they see only what the caller passes.
 * @param name - The variable's name.
 * @param env - An explicit environment that takes precedence.
 * @returns The trimmed value, or undefined when unset or empty.
 */
export function readEnv(name: string, env?: EnvSource): string | undefined {
  const g = globalThis as {
    process?: { env?: Record<string, string | undefined> };
    Deno?: { env?: { get(name: string): string | undefined } };
  };
  let value: unknown = env?.[name];
  try {
    value ??= g.process?.env?.[name];
    value ??= g.Deno?.env?.get(name);
  } catch {
    // Deno without --allow-env for this name throws: the variable is simply not visible to us.
  }
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
