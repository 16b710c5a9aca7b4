import type { MaybePromise } from './types.ts';

/** What a {@link KeyResolver} is asked for. */
export interface KeyContext {
  /** The provider key, for example `openai`. */
  provider: string;
  /** The endpoint the key will be sent to. */
  endpoint: string;
  /**
   * Aborts when the call is cancelled or its `timeout` runs out: pass it to any request the resolver
   * makes. The call stops waiting for the resolver then either way.
   */
  signal: AbortSignal;
}

/**
 * Supplies an API key (or an OAuth access token) for a request. Called before each request that is
 * not a cache hit, so it can rotate or refresh credentials; return undefined when it has none.
 * A plain function is a resolver.
 */
export interface KeyResolver {
  (ctx: KeyContext): MaybePromise<string | undefined>;
  /**
   * Called with a key the provider refused (HTTP 401, or a body that says the key is invalid or
   * expired, as Gemini's 400 `API_KEY_INVALID`): revoked, expired early. So a resolver
   * that keeps keys or tokens drops that one and the next call gets a fresh one. Optional.
   */
  invalidate?(key: string): void;
}
