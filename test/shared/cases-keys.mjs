// The key chain (README "Keys"): an explicit apiKey, then keyResolver (asked again for every request,
// so it can rotate keys), then the environment; and serviceAccountKeyResolver's token, reused until
// 5 minutes (refreshMarginSeconds) before it expires, with its scopes and fetch options. Found
// unguarded by `npm run mutants`. Runtime-neutral: no emulator, a recording fetch stands for the host.
import { deepEqual, equal } from './assert.mjs';
import { keyPair } from './cases-google-vertex.mjs';

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
export function keyCases({ sdk }) {
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
    [
      'keys: a service-account token is reused until refreshMarginSeconds (5 min) before it expires',
      async () => {
        const { pem } = await keyPair();
        /** @param {number} expiresIn @param {object} [options] */
        const exchanges = async (expiresIn, options = {}) => {
          /** @type {URLSearchParams[]} */
          const forms = [];
          const resolver = sdk.google.serviceAccountKeyResolver(
            { client_email: 'sa@p.iam.gserviceaccount.com', private_key: pem },
            {
              tokenUrl: 'https://oauth2.example.test/token',
              ...options,
              fetch: async (/** @type {string} */ _url, /** @type {RequestInit} */ init) => {
                forms.push(new URLSearchParams(String(init.body)));
                const body = { access_token: `ya29.t${forms.length}`, expires_in: expiresIn };
                return new Response(JSON.stringify(body));
              },
            },
          );
          const ctx = { provider: 'google', endpoint: 'https://aiplatform.googleapis.com' };
          const tokens = [await resolver(ctx), await resolver(ctx), await resolver(ctx)];
          return { tokens, forms };
        };
        const fresh = await exchanges(301);
        deepEqual(fresh.tokens, ['ya29.t1', 'ya29.t1', 'ya29.t1'], '301 s left: reused');
        const late = await exchanges(299);
        deepEqual(late.tokens, ['ya29.t1', 'ya29.t2', 'ya29.t3'], '299 s left: renewed');
        const noMargin = await exchanges(299, { refreshMarginSeconds: 0 });
        equal(noMargin.forms.length, 1, 'refreshMarginSeconds: 0 keeps it to the end');
        const scoped = await exchanges(3600, { scopes: ['a', 'b'] });
        const claims = JSON.parse(
          atob(
            String(scoped.forms[0].get('assertion'))
              .split('.')[1]
              .replace(/-/g, '+')
              .replace(/_/g, '/'),
          ),
        );
        equal(claims.scope, 'a b', 'the scopes option');
      },
    ],
  ];
}
