/**
 * Checks a key before it goes into a header: trimmed, it must be printable ASCII with no whitespace
 * inside. A key with a line break, or a second key on the next line, would otherwise make `fetch`
 * reject the header with a message that quotes it.
 * @param key - The value found.
 * @param source - Where it came from, for the message (`the environment variable OPENAI_API_KEY`).
 * @returns The trimmed key.
 * @throws {@link InvalidRequestError} naming the source, never the value.
 */
export async function checkKey(key: unknown, source: string): Promise<string> {
  const trimmed = typeof key === 'string' ? key.trim() : key;
  if (typeof trimmed === 'string' && /^[\x21-\x7e]+$/.test(trimmed)) return trimmed;
  // The message's code loads only when a key is refused.
  throw (await import('./key-problem.ts')).keyProblem(trimmed, source);
}
