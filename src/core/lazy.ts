/**
 * Memoizes a loader, typically a dynamic `import()`: the first call starts it, later calls get the
 * same promise. A failed load (a chunk that did not arrive) is forgotten, so the next call retries.
 * Why: a repeated `import()` of a loaded module still resolves the specifier each time, tens of
 * microseconds per call on Node, which the call path pays on every call.
 * @param load - Starts the load.
 * @returns A function returning the one pending or settled load.
 */
/* @__NO_SIDE_EFFECTS__ */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
