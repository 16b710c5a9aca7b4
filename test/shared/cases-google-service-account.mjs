// serviceAccountKeyResolver's README promises and options, against the emulated OAuth token endpoint
// (test/emulator/gemini-token.mjs, which tells each token's lifetime by the scenario's expiresIn): a
// token is reused until refreshMarginSeconds (5 minutes) before it expires, concurrent calls share one
// exchange, and scopes, tokenUrl and fetch are used. Runtime-neutral: WebCrypto signs everywhere.
import { assert, deepEqual, equal } from './assert.mjs';
import { googleHarness } from './google-helpers.mjs';
import { keyPair } from './google-keys.mjs';

const ctx = { provider: 'google', endpoint: 'https://us-central1-aiplatform.googleapis.com' };
/** The claims of the JWT in a logged token request. */
const claimsOf = (/** @type {any} */ request) => {
  const assertion = String(new URLSearchParams(String(request.body)).get('assertion'));
  return JSON.parse(atob(assertion.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
};

/**
 * @param {{ sdk: any, emulatorUrl: string, runtime: string }} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function googleServiceAccountCases(env) {
  const { serviceAccountKeyResolver } = env.sdk.google;
  const { control, scenario } = googleHarness(env);
  /** A token endpoint scenario that knows the key, and a service-account key pointing at it. */
  const setup = async (/** @type {number} */ expiresIn) => {
    const { pem, jwk } = await keyPair();
    const tok = await scenario({ reply: { publicKey: jwk, expiresIn } });
    const key = {
      client_email: 'sa@proj-1.iam.gserviceaccount.com',
      private_key: pem,
      token_uri: `${tok.endpoint}/token`,
    };
    return { tok, key, jwk };
  };

  return [
    [
      'google/vertex: a service-account token is reused until 5 minutes before it expires, then renewed',
      async () => {
        const { tok, key, jwk } = await setup(301);
        const fresh = serviceAccountKeyResolver(key);
        const a = await fresh(ctx);
        equal(await fresh(ctx), a, 'more than 5 minutes left: reused');
        equal((await tok.requests()).length, 1, 'one exchange');
        await control(tok.id, { reply: { publicKey: jwk, expiresIn: 299 } });
        const short = serviceAccountKeyResolver(key);
        const b = await short(ctx);
        const c = await short(ctx);
        assert(b !== c && /^ya29\./.test(String(c)), 'less than 5 minutes left: renewed');
        equal((await tok.requests()).length, 2, 'two exchanges');
        // refreshMarginSeconds moves the line: 61 s left with a 60 s margin is still good.
        await control(tok.id, { reply: { publicKey: jwk, expiresIn: 61 } });
        const margin = serviceAccountKeyResolver(key, { refreshMarginSeconds: 60 });
        equal(await margin(ctx), await margin(ctx), 'reused inside the margin');
        equal((await tok.requests()).length, 1, 'one exchange with a 60 s margin');
      },
    ],
    [
      'google/vertex: concurrent calls share one token exchange',
      async () => {
        const { tok, key } = await setup(3599);
        const resolver = serviceAccountKeyResolver(key);
        const tokens = await Promise.all(Array.from({ length: 5 }, () => resolver(ctx)));
        equal(new Set(tokens).size, 1, 'one token for all');
        equal((await tok.requests()).length, 1, 'one exchange');
      },
    ],
    [
      'google/vertex: serviceAccountKeyResolver takes scopes, tokenUrl (over token_uri) and fetch',
      async () => {
        const { tok, key, jwk } = await setup(3599);
        const other = await scenario({ reply: { publicKey: jwk } });
        /** @type {string[]} */
        const seen = [];
        /** @type {typeof fetch} */
        const recording = (input, init) => {
          seen.push(String(input));
          return fetch(input, init);
        };
        const resolver = serviceAccountKeyResolver(key, {
          scopes: ['https://www.googleapis.com/auth/cloud-platform.read-only', 'openid'],
          tokenUrl: `${other.endpoint}/token`,
          fetch: recording,
        });
        assert(/^ya29\./.test(String(await resolver(ctx))), 'a token');
        deepEqual(seen, [`${other.endpoint}/token`], 'the given fetch, at tokenUrl');
        equal((await tok.requests()).length, 0, "the key's token_uri is not used");
        const [request] = await other.requests();
        const claims = claimsOf(request);
        equal(claims.scope, 'https://www.googleapis.com/auth/cloud-platform.read-only openid');
        equal(claims.aud, `${other.endpoint}/token`, 'the audience is the token URL');
      },
    ],
  ];
}
