import { InvalidRequestError } from '../core/errors/invalid-request-error.ts';
import { NetworkError } from '../core/errors/network-error.ts';
import { ioContextCheck } from '../core/io-context-check.ts';
import { redact } from '../core/redact.ts';
import type { KeyResolver } from '../core/key-resolver.ts';
import { importRs256Key, signJwt } from './sign-jwt.ts';

/** The fields of a Google service-account JSON key that the resolver uses. */
export interface ServiceAccountKey {
  client_email: string;
  /** PEM PKCS #8 (`-----BEGIN PRIVATE KEY-----`). */
  private_key: string;
  private_key_id?: string;
  /** Where tokens are minted; Google's keys say `https://oauth2.googleapis.com/token`. */
  token_uri?: string;
  [other: string]: unknown;
}

/** Settings of {@link serviceAccountKeyResolver}. */
export interface ServiceAccountResolverOptions {
  /** OAuth scopes. @default ['https://www.googleapis.com/auth/cloud-platform'] */
  scopes?: readonly string[];
  /** The token endpoint. @default the key's `token_uri`, else `https://oauth2.googleapis.com/token` */
  tokenUrl?: string;
  /** The fetch to use; resolved at call time. */
  fetch?: typeof globalThis.fetch;
  /** Renew a token this many seconds before it expires. @default 300 */
  refreshMarginSeconds?: number;
  /** The longest the token exchange may take, in ms; each call's own timeout applies too. @default 30000 */
  timeoutMs?: number;
}

const DEFAULT_SCOPES = ['https://www.googleapis.com/auth/cloud-platform'];
const DEFAULT_TOKEN_URL = 'https://oauth2.googleapis.com/token';
const GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const LIFETIME = 3600;

function readKey(json: string | ServiceAccountKey): ServiceAccountKey {
  let key: unknown = json;
  if (typeof json === 'string') {
    try {
      key = JSON.parse(json);
    } catch {
      throw new InvalidRequestError(
        'serviceAccountKeyResolver needs the service-account key file contents (JSON); it did not parse.',
      );
    }
  }
  const k = key as Partial<ServiceAccountKey> | null;
  if (typeof k?.client_email !== 'string' || typeof k.private_key !== 'string') {
    throw new InvalidRequestError(
      'The service-account key needs `client_email` and `private_key`: download a JSON key for the ' +
        'service account in the Google Cloud console (IAM → Service accounts → Keys).',
    );
  }
  return k as ServiceAccountKey;
}

interface Token {
  value: string;
  /** Epoch ms after which it must be renewed. */
  renewAt: number;
}

/**
 * A {@link KeyResolver} that turns a Google service-account JSON key into OAuth access tokens for
 * Vertex AI, in any runtime: it signs an RS256 JWT with WebCrypto and exchanges it by `fetch`
 * (`grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer`). A token is reused until shortly before
 * it expires, or until a request is refused with 401 (the client then calls its `invalidate`);
 * concurrent calls share one exchange; a failed exchange is not remembered. Errors never contain
 * the private key, the signed assertion or a token.
 * @param serviceAccountJson - The key file's contents, as text or parsed.
 * @throws {@link InvalidRequestError} at once for a key without `client_email` or `private_key`.
 * @example
 * new GoogleModel({ vertex: true, projectId: 'my-project',
 *   keyResolver: serviceAccountKeyResolver(env.GOOGLE_SERVICE_ACCOUNT_JSON) })
 */
export function serviceAccountKeyResolver(
  serviceAccountJson: string | ServiceAccountKey,
  options: ServiceAccountResolverOptions = {},
): KeyResolver {
  const key = readKey(serviceAccountJson);
  const tokenUrl = options.tokenUrl ?? key.token_uri ?? DEFAULT_TOKEN_URL;
  const scope = (options.scopes ?? DEFAULT_SCOPES).join(' ');
  const margin = (options.refreshMarginSeconds ?? 300) * 1000;
  let signingKey: Promise<CryptoKey> | undefined;
  let token: Token | undefined;
  const timeoutMs = options.timeoutMs ?? 30_000;
  // Concurrent calls share one exchange, but never across Workers requests (see ioContextCheck).
  let pending: { promise: Promise<string>; here: () => boolean } | undefined;

  async function exchange(): Promise<string> {
    signingKey ??= importRs256Key(key.private_key).catch((error: unknown) => {
      signingKey = undefined; // a failed import is not remembered either
      throw error;
    });
    const cryptoKey = await signingKey;
    const iat = Math.floor(Date.now() / 1000);
    const claims = { iss: key.client_email, scope, aud: tokenUrl, iat, exp: iat + LIFETIME };
    const assertion = await signJwt(claims, cryptoKey, key.private_key_id);
    const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    let response: Response;
    let text: string;
    // Its own deadline, not a caller's signal: other calls may be waiting for the same exchange.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    try {
      response = await doFetch(tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: GRANT_TYPE, assertion }).toString(),
        signal: deadline.signal,
      });
      text = await response.text();
    } catch (error) {
      const cause = deadline.signal.aborted
        ? new Error(`no answer within ${timeoutMs} ms (the resolver's timeoutMs)`)
        : error;
      throw new NetworkError({
        provider: 'google',
        url: tokenUrl,
        cause,
        secrets: [assertion, key.private_key],
      });
    } finally {
      clearTimeout(timer);
    }
    const secrets = [assertion, key.private_key];
    let body: Record<string, unknown> | undefined;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // Handled below: a non-JSON answer is an error either way.
    }
    if (!response.ok) {
      // Loaded when the exchange fails: inlined into the google entry, a static import made every
      // Gemini call load the API error classes.
      const { AuthenticationError } = await import('../core/errors/authentication-error.ts');
      const reason = [body?.error, body?.error_description].filter((x) => typeof x === 'string');
      throw new AuthenticationError({
        provider: 'google',
        url: tokenUrl,
        status: response.status,
        detail: redact(
          `the service-account token exchange failed${reason.length ? `: ${reason.join(': ')}` : ''}. ` +
            'Check that the key is current and the service account is enabled',
          secrets,
        ),
        responseBody: redact(text.slice(0, 2000), secrets),
        isRetryable: response.status === 429 || response.status >= 500,
      });
    }
    const value = body?.access_token;
    const expiresIn = Number(body?.expires_in ?? LIFETIME);
    if (typeof value !== 'string' || value === '') {
      // The error's class loads only here: the Google entry, which exports this resolver, is on
      // every Gemini call's first page load.
      const { InvalidResponseError } = await import('../core/errors/invalid-response-error.ts');
      throw new InvalidResponseError({
        provider: 'google',
        url: tokenUrl,
        detail: 'the token endpoint answered without an access_token',
        body: '(not shown: it may hold credentials)',
      });
    }
    token = { value, renewAt: Date.now() + Math.max(0, expiresIn * 1000 - margin) };
    return value;
  }

  const resolver: KeyResolver = () => {
    if (token && Date.now() < token.renewAt) return token.value;
    if (!pending?.here()) {
      const promise = exchange().finally(() => {
        if (pending?.promise === promise) pending = undefined;
      });
      pending = { promise, here: ioContextCheck() };
    }
    return pending.promise;
  };
  // A 401 means Google no longer accepts the token (revoked, or the key was disabled): forget it,
  // unless it was already replaced, so the next call exchanges a new one.
  resolver.invalidate = (rejected) => {
    if (token?.value === rejected) token = undefined;
  };
  return resolver;
}
