import type { KeyPolicy } from '../core/adapter.ts';
import type { EnvSource } from '../core/env.ts';
import { lazy } from '../core/lazy.ts';
import { checkKey } from './check-key.ts';
import type { KeyResolver } from '../core/key-resolver.ts';

const loadImplicit = lazy(() => import('./implicit-key.ts'));

/** Everything the default key chain may consult. */
export interface ResolveKeyInit {
  provider: string;
  endpoint: string;
  policy: KeyPolicy;
  apiKey?: string;
  keyResolver?: KeyResolver;
  env?: EnvSource;
  /** The call's cancellation (its deadline included), handed to the `keyResolver`. */
  signal?: AbortSignal;
}

/**
 * The default key chain: explicit `apiKey`, then the caller's `keyResolver`, then the environment,
 * then `~/.alea/keys/{provider}` where a filesystem exists. Keys from the environment and files are
 * only used for the provider's own hosts over https (see {@link KeyPolicy.hosts}). Every key is
 * checked ({@link checkKey}) before it is used.
 * @returns The key, or undefined for a provider that needs none.
 * @throws {@link MissingKeyError} naming every place looked, when the provider requires a key.
 * @throws {@link InvalidRequestError} for a malformed key, naming where it came from.
 */
export async function resolveKey(init: ResolveKeyInit): Promise<string | undefined> {
  const { provider, endpoint } = init;
  if (init.apiKey) return checkKey(init.apiKey, 'the apiKey option');
  if (init.keyResolver) {
    const signal = init.signal ?? new AbortController().signal;
    const key = await init.keyResolver({ provider, endpoint, signal });
    if (key) return checkKey(key, 'the keyResolver option');
  }
  // The environment and key file load only when neither option gave a key.
  return (await loadImplicit()).implicitKey(init);
}
