// An emulated Google OAuth token endpoint, `POST /token` (what a service-account key's token_uri
// points at): it takes `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=<JWT>`,
// verifies the RS256 signature against the public key the test registered, checks the claims as
// Google does, and issues an access token that the emulated Vertex routes then accept.
// Register the key per scenario: POST /_control/<id> { reply: { publicKey: <JWK or SPKI PEM>,
// expiresIn?: seconds } }, or for every scenario with the env EMULATOR_TOKEN_PUBLIC_KEY (PEM).
import { createPublicKey, randomBytes, verify } from 'node:crypto';

const issued = new Set();
/** Whether an access token was issued by this process's token endpoint. */
export const isIssuedToken = (token) => issued.has(token);

const oauthError = (error, description, status = 400) => ({
  status,
  json: { error, error_description: description },
});

const decode = (part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

function publicKeyOf(ctx) {
  const key = ctx.scenario.reply?.publicKey ?? process.env.EMULATOR_TOKEN_PUBLIC_KEY;
  if (!key) return undefined;
  return typeof key === 'string' ? createPublicKey(key) : createPublicKey({ key, format: 'jwk' });
}

/** The token exchange. Synchronous on purpose: it also runs as the dialect's `invalidJson`. */
export function handleToken(ctx) {
  const type = String(ctx.headers['content-type'] ?? '');
  if (!type.startsWith('application/x-www-form-urlencoded'))
    return oauthError('invalid_request', 'Request must be application/x-www-form-urlencoded.');
  const params = new URLSearchParams(ctx.rawBody);
  const grant = params.get('grant_type');
  if (grant !== 'urn:ietf:params:oauth:grant-type:jwt-bearer')
    return oauthError('unsupported_grant_type', `Invalid grant_type: ${grant ?? ''}`);
  const parts = (params.get('assertion') ?? '').split('.');
  if (parts.length !== 3) return oauthError('invalid_grant', 'Invalid JWT: malformed assertion.');
  let header;
  let claims;
  try {
    header = decode(parts[0]);
    claims = decode(parts[1]);
  } catch {
    return oauthError('invalid_grant', 'Invalid JWT: malformed assertion.');
  }
  if (header.alg !== 'RS256') return oauthError('invalid_grant', 'Invalid JWT: unsupported alg.');
  const key = publicKeyOf(ctx);
  if (!key)
    return oauthError(
      'invalid_grant',
      'Invalid JWT Signature. (no public key registered for this scenario)',
    );
  const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
  if (!verify('sha256', signed, key, Buffer.from(parts[2], 'base64url')))
    return oauthError('invalid_grant', 'Invalid JWT Signature.');
  const scoped = ctx.scenario.id === 'default' ? '' : `/s/${ctx.scenario.id}`;
  if (claims.aud !== `http://${ctx.headers.host}${scoped}/token`)
    return oauthError('invalid_grant', 'Invalid JWT: Failed audience check.');
  const now = Math.floor(Date.now() / 1000);
  const { iat, exp } = claims;
  if (
    typeof iat !== 'number' ||
    typeof exp !== 'number' ||
    Math.abs(iat - now) > 300 ||
    exp <= iat ||
    exp - iat > 3600
  )
    return oauthError(
      'invalid_grant',
      'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
    );
  if (typeof claims.iss !== 'string' || !claims.iss.includes('@'))
    return oauthError('invalid_grant', 'Invalid JWT: iss must be the service account email.');
  if (typeof claims.scope !== 'string' || claims.scope.trim() === '')
    return oauthError('invalid_scope', 'Invalid OAuth scope or ID token audience provided.');
  const token = `ya29.emu-${randomBytes(18).toString('base64url')}`;
  issued.add(token);
  const expiresIn = ctx.scenario.reply?.expiresIn ?? 3599;
  return { json: { access_token: token, expires_in: expiresIn, token_type: 'Bearer' } };
}

// The form body is not JSON, so the server's JSON check sends it to `invalidJson`: answer there.
const tokenDialect = {
  name: 'google-oauth',
  faultError: (status) =>
    oauthError(
      status >= 500 ? 'internal_failure' : 'invalid_request',
      `Emulated error ${status}.`,
      status,
    ),
  notFound: () => oauthError('invalid_request', 'Not found.', 404),
  invalidJson: handleToken,
  checkAuth: () => null,
};

export const tokenRoute = {
  method: 'POST',
  match: (p) => p === '/token',
  dialect: tokenDialect,
  handle: handleToken,
};
