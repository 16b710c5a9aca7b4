import { readKeyFile, KEY_FILE_DIR } from '#key-file';
import type { KeyPolicy } from '../core/adapter.ts';
import { readEnv, type EnvSource } from '../core/env.ts';
import { hostOf } from '../core/host-of.ts';
import { MissingKeyError } from '../core/errors/missing-key-error.ts';
import type { KeyResolver } from './key-resolver.ts';

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
 * only used for the provider's own hosts (see {@link KeyPolicy.hosts}).
 * @returns The key, or undefined for a provider that needs none.
 * @throws {@link MissingKeyError} naming every place looked, when the provider requires a key.
 */
export async function resolveKey(init: ResolveKeyInit): Promise<string | undefined> {
  const { policy, provider, endpoint } = init;
  if (init.apiKey) return init.apiKey;
  const sources = ['the apiKey option'];
  if (init.keyResolver) {
    const signal = init.signal ?? new AbortController().signal;
    const key = await init.keyResolver({ provider, endpoint, signal });
    if (key) return key;
    sources.push('the keyResolver option');
  }
  const trusted = !policy.hosts || policy.hosts.includes(hostOf(endpoint));
  if (trusted) {
    for (const name of policy.env) {
      const key = readEnv(name, init.env);
      if (key) return key;
      sources.push(`the environment variable ${name}`);
    }
    if (policy.file && KEY_FILE_DIR) {
      const key = await readKeyFile(policy.file);
      if (key) return key;
      sources.push(`the file ${KEY_FILE_DIR}/${policy.file}`);
    }
  }
  if (!policy.required) return undefined;
  throw new MissingKeyError({
    provider,
    sources,
    hint: trusted
      ? undefined
      : `Keys from the environment and key files are only sent to ${policy.hosts!.join(', ')}; ` +
        `for ${hostOf(endpoint) || endpoint} pass the key explicitly.`,
  });
}
