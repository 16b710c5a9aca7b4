// The key chain (README "Keys"): an explicit apiKey, then keyResolver (asked again for every request,
// so it can rotate keys), then the environment (the service-account token's reuse is in
// cases-google-service-account.mjs). Found unguarded by `npm run mutants`. Runtime-neutral: no emulator, a recording fetch stands for the host.
import { deepEqual, equal } from './assert.mjs';

/** A fetch that answers every chat request with 'ok' and records the Authorization header. */
function authRecorder() {
  /** @type {(string | null)[]} */
  const seen = [];
  /** @type {typeof fetch} */
  const fetch = async (_url, init) => {
    seen.push(new Headers(init?.headers).get('authorization'));
    return new Response(JSON.stringify({ choices: [{ message: { content: 'ok' } }] }));
  };
  return { seen, fetch };
}

/**
 * @param {import('./cases.mjs').CaseEnv} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function keyChainCases({ sdk }) {
  const { OpenAIModel } = sdk.openai;
  return [
    [
      'keys: apiKey wins over keyResolver, which wins over the environment; the resolver is asked per request',
      async () => {
        const { seen, fetch } = authRecorder();
        let n = 0;
        const rotating = () => `sk-rotated-${++n}`;
        const env = { OPENAI_API_KEY: 'sk-from-env' };
        const base = { model: 'gpt-4o-mini', cache: false, env, fetch };
        await new OpenAIModel({ ...base, apiKey: 'sk-explicit', keyResolver: rotating }).chat('a');
        equal(n, 0, 'the resolver is not asked when apiKey is given');
        const resolved = new OpenAIModel({ ...base, keyResolver: rotating });
        await resolved.chat('b');
        await resolved.chat('c');
        await new OpenAIModel({ ...base, keyResolver: () => undefined }).chat('d');
        deepEqual(
          seen,
          [
            'Bearer sk-explicit',
            'Bearer sk-rotated-1',
            'Bearer sk-rotated-2',
            'Bearer sk-from-env',
          ],
          'keys sent',
        );
      },
    ],
  ];
}
