/**
 * Removes secrets from text that may end up in an error or a log: servers sometimes echo the key
 * they rejected.
 * @param text - Any text.
 * @param secrets - The values to hide (keys, tokens).
 * @returns The text with every secret replaced by `[redacted]`.
 */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out;
}
