import { readKeyFile, KEY_FILE_DIR } from '#key-file';
import { readEnv } from '../core/env.ts';
import { checkKey } from './check-key.ts';
import type { ResolveKeyInit } from './resolve-key.ts';

/**
 * Whether keys the caller did not pass (environment, key file) may go to an endpoint: one of the
 * provider's hosts, over https, on the default port. An `http:` URL would send the key in clear
 * and another port may be another service on the same host.
 */
function mayReceiveImplicitKeys(endpoint: string, hosts: readonly string[] | undefined): boolean {
  if (!hosts) return true;
  try {
    const url = new URL(endpoint);
    return url.protocol === 'https:' && url.port === '' && hosts.includes(url.hostname);
  } catch {
    return false;
  }
}

/**
 * The rest of the default key chain, after `apiKey` and the `keyResolver` gave none (see
 * `resolveKey`, which loads this only then): the environment, then the key file, for the provider's
 * own hosts over https only.
 * @returns The key, or undefined for a provider that needs none.
 * @throws {@link MissingKeyError} naming every place looked, when the provider requires a key.
 * @throws {@link InvalidRequestError} for a malformed key, naming where it came from.
 */
export async function implicitKey(init: ResolveKeyInit): Promise<string | undefined> {
  const { policy, provider, endpoint } = init;
  const sources = ['the apiKey option'];
  if (init.keyResolver) sources.push('the keyResolver option (it returned no key)');
  const file = policy.file && KEY_FILE_DIR ? `${KEY_FILE_DIR}/${policy.file}` : undefined;
  const trusted = mayReceiveImplicitKeys(endpoint, policy.hosts);
  if (trusted) {
    for (const name of policy.env) {
      const source = `the environment variable ${name}`;
      const key = readEnv(name, init.env);
      if (key) return checkKey(key, source);
      sources.push(source);
    }
    if (file) {
      const key = await readKeyFile(policy.file!);
      if (key) return checkKey(key, `the file ${file}`);
      sources.push(`the file ${file}`);
    }
  }
  if (!policy.required) return undefined;
  // Loaded only for a missing key: its message code stays out of every bundle's entry.
  const { MissingKeyError } = await import('../core/errors/missing-key-error.ts');
  throw new MissingKeyError({
    provider,
    sources,
    settable: { env: policy.env, file },
    untrusted: trusted ? undefined : { endpoint, hosts: policy.hosts! },
  });
}
