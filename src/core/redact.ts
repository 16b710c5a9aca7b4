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

/**
 * A runtime's own error (from `fetch`, say) with secrets taken out of its message, stack and causes.
 * Runtimes quote a header value they refuse, key and all, so such an error is never kept as it is
 * when it carries a secret: a copy with the same name and redacted text takes its place.
 * @param error - Anything thrown.
 * @param secrets - The values to hide.
 * @returns The error itself when it holds no secret, else the redacted copy.
 */
export function redactError(error: unknown, secrets: readonly (string | undefined)[]): unknown {
  if (!(error instanceof Error)) {
    return typeof error === 'string' ? redact(error, secrets) : error;
  }
  const cause = error.cause === undefined ? undefined : redactError(error.cause, secrets);
  const message = redact(error.message, secrets);
  const stack = error.stack === undefined ? undefined : redact(error.stack, secrets);
  if (message === error.message && stack === error.stack && cause === error.cause) return error;
  const copy = new Error(message, cause === undefined ? undefined : { cause });
  copy.name = error.name;
  copy.stack = stack;
  return copy;
}
