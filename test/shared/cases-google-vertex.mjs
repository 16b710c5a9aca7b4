// GoogleModel on Vertex AI for every runtime: the project/location path and Bearer auth against the
// loopback emulator, and the service-account resolver against the emulated OAuth token endpoint (a key
// pair generated here with WebCrypto).
import { assert, deepEqual, equal, rejects } from './assert.mjs';
import { googleHarness, named } from './google-helpers.mjs';
import { importPublic, keyPair } from './google-keys.mjs';

/**
 * @param {{ sdk: any, emulatorUrl: string, prismGeminiUrl?: string, prismVertexUrl?: string, runtime: string }} env
 * @returns {Array<[string, () => Promise<void>]>}
 */
export function googleVertexCases(env) {
  const { serviceAccountKeyResolver } = env.sdk.google;
  const { control, scenario, gemini, vertex } = googleHarness(env);
  return [
    [
      'google/vertex: project/location path, Bearer token, env fallbacks, a missing project fails before any request',
      async () => {
        const s = await scenario({ requireAuth: true });
        const r = await vertex(s.endpoint, { apiKey: 'vertex-token' }).chat('Hi');
        equal(r.text, 'Echo: Hi');
        let [req] = await s.requests();
        equal(
          req.path,
          '/v1/projects/proj-1/locations/europe-west4/publishers/google/models/gemini-2.5-flash:generateContent',
        );
        equal(req.headers.authorization, 'Bearer vertex-token');
        equal(req.headers['x-goog-api-key'], undefined);
        const fromEnv = gemini(s.endpoint, {
          vertex: true,
          env: { VERTEX_PROJECT_ID: 'env-proj', VERTEX_LOCATION_ID: 'asia-east1' },
        });
        await fromEnv.chat('Hi');
        req = (await s.requests())[1];
        equal(
          req.path,
          '/v1/projects/env-proj/locations/asia-east1/publishers/google/models/gemini-2.5-flash:generateContent',
        );
        const noProject = gemini(s.endpoint, { vertex: true, env: { VERTEX_PROJECT_ID: '' } });
        const e = await rejects(noProject.chat('Hi'), named('InvalidRequestError'));
        assert(/projectId|VERTEX_PROJECT_ID/.test(e.message), e.message);
        equal((await s.requests()).length, 2, 'no request for the missing project');
        const unauth = await rejects(
          gemini(s.endpoint, { vertex: true, projectId: 'proj-1', apiKey: 'bad-key' }).chat('Hi'),
          named('AuthenticationError'),
        );
        equal(unauth.status, 401);
        equal(unauth.errorType, 'UNAUTHENTICATED');
      },
    ],
    [
      'google/vertex: serviceAccountKeyResolver signs an RS256 JWT, exchanges it, caches and shares the token',
      async () => {
        const { pem, jwk } = await keyPair();
        const tok = await scenario({ reply: { publicKey: jwk } });
        const v = await scenario({ requireAuth: true });
        const resolver = serviceAccountKeyResolver(
          JSON.stringify({
            type: 'service_account',
            client_email: 'sa@proj-1.iam.gserviceaccount.com',
            private_key: pem,
            private_key_id: 'kid-1',
            token_uri: `${tok.endpoint}/token`,
          }),
        );
        const m = vertex(v.endpoint, { apiKey: undefined, keyResolver: resolver });
        await Promise.all([m.chat('a'), m.chat('b')]);
        await m.chat('c');
        const tokenReqs = await tok.requests();
        equal(tokenReqs.length, 1, 'one exchange for three calls (cached, de-duplicated)');
        const calls = await v.requests();
        equal(calls.length, 3);
        assert(
          /^Bearer ya29\.emu-/.test(calls[0].headers.authorization),
          'token from the endpoint',
        );
        equal(calls[2].headers.authorization, calls[0].headers.authorization);
        // The form body is kept raw by the emulator: check the JWT header and claims the SDK signed.
        const form = new URLSearchParams(String(tokenReqs[0].body));
        equal(form.get('grant_type'), 'urn:ietf:params:oauth:grant-type:jwt-bearer');
        const [h, c] = String(form.get('assertion')).split('.');
        const decode = (/** @type {string} */ x) =>
          JSON.parse(atob(x.replace(/-/g, '+').replace(/_/g, '/')));
        deepEqual(decode(h), { alg: 'RS256', typ: 'JWT', kid: 'kid-1' });
        const claims = decode(c);
        equal(claims.iss, 'sa@proj-1.iam.gserviceaccount.com');
        equal(claims.aud, `${tok.endpoint}/token`);
        equal(claims.scope, 'https://www.googleapis.com/auth/cloud-platform');
        equal(claims.exp - claims.iat, 3600);
      },
    ],
    [
      'google/vertex: a token Vertex refuses with 401 is dropped, so the next call exchanges a new one',
      async () => {
        const { pem, jwk } = await keyPair();
        const tok = await scenario({ reply: { publicKey: jwk } });
        // The first request is refused as a revoked token is; later ones are served.
        const v = await scenario({ requireAuth: true, faults: [{ status: 401 }] });
        const resolver = serviceAccountKeyResolver(
          { client_email: 'sa@proj-1.iam.gserviceaccount.com', private_key: pem },
          { tokenUrl: `${tok.endpoint}/token` },
        );
        const m = vertex(v.endpoint, { apiKey: undefined, keyResolver: resolver });
        const e = await rejects(m.chat('a'), named('AuthenticationError'));
        equal(e.status, 401);
        equal((await m.chat('b')).text, 'Echo: b');
        equal((await tok.requests()).length, 2, 'a new exchange after the 401');
        const [refused, served] = await v.requests();
        assert(refused.headers.authorization !== served.headers.authorization, 'a new token');
        await m.chat('c');
        equal((await tok.requests()).length, 2, 'the new token is kept');
      },
    ],
    [
      'google/vertex: a token exchange failure is an AuthenticationError without secrets, never cached; expiry refreshes',
      async () => {
        const { pem } = await keyPair();
        const other = await keyPair();
        const tok = await scenario({ reply: { publicKey: other.jwk } });
        const key = { client_email: 'sa@p.iam.gserviceaccount.com', private_key: pem };
        const resolver = serviceAccountKeyResolver(key, {
          tokenUrl: `${tok.endpoint}/token`,
          refreshMarginSeconds: 0,
        });
        const e = await rejects(
          Promise.resolve(resolver({ provider: 'google', endpoint: 'x' })),
          named('AuthenticationError'),
        );
        assert(/Invalid JWT Signature/.test(e.message), e.message);
        assert(
          !e.message.includes('PRIVATE KEY') && !e.message.includes('eyJ'),
          'no key or assertion in the message',
        );
        const { jwk } = await keyPair();
        await control(tok.id, { reply: { publicKey: jwk } });
        await rejects(
          Promise.resolve(resolver({ provider: 'google', endpoint: 'x' })),
          named('AuthenticationError'),
          'still the wrong key',
        );
        await control(tok.id, {
          reply: {
            publicKey: await crypto.subtle.exportKey('jwk', await importPublic(pem)),
            expiresIn: 0,
          },
        });
        const t1 = await resolver({ provider: 'google', endpoint: 'x' });
        const t2 = await resolver({ provider: 'google', endpoint: 'x' });
        assert(t1 !== t2 && /^ya29\./.test(String(t2)), 'an expired token is renewed');
        equal(
          (await tok.requests()).length,
          2,
          'the failure was not cached; each expired token renewed',
        );
        await rejects(
          async () => serviceAccountKeyResolver('{not json'),
          named('InvalidRequestError'),
        );
        const pkcs1 = serviceAccountKeyResolver(
          {
            client_email: 'a@b',
            private_key: '-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----',
          },
          { tokenUrl: `${tok.endpoint}/token` },
        );
        const k = await rejects(
          Promise.resolve(pkcs1({ provider: 'google', endpoint: 'x' })),
          named('InvalidRequestError'),
        );
        assert(/PKCS #8/.test(k.message), k.message);
      },
    ],
  ];
}
