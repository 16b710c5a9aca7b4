import { InvalidRequestError } from '../core/errors/invalid-request-error.ts';

const PKCS8 = /-----BEGIN PRIVATE KEY-----([\s\S]+?)-----END PRIVATE KEY-----/;

/** Base64url without padding, of bytes or of a UTF-8 string. */
export function base64url(data: Uint8Array | string): string {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Imports a PEM PKCS #8 RSA private key (the `private_key` of a Google service-account JSON key) for
 * RS256 signing with WebCrypto, so it works in browsers, Workers, Deno, Bun and Node alike.
 * @throws {@link InvalidRequestError} for a key that is not PKCS #8 PEM (the message never shows it).
 */
export async function importRs256Key(pem: string): Promise<CryptoKey> {
  const body = PKCS8.exec(pem)?.[1];
  if (!body) {
    const pkcs1 = pem.includes('BEGIN RSA PRIVATE KEY');
    throw new InvalidRequestError(
      'The private key must be a PEM "BEGIN PRIVATE KEY" (PKCS #8) block, as in Google service-account ' +
        `JSON keys${pkcs1 ? '; convert a PKCS #1 key with `openssl pkcs8 -topk8 -nocrypt`' : ''}.`,
    );
  }
  let der: Uint8Array<ArrayBuffer>;
  try {
    der = Uint8Array.from(atob(body.replace(/\s+/g, '')), (c) => c.charCodeAt(0));
  } catch {
    throw new InvalidRequestError('The private key PEM block is not valid base64.');
  }
  try {
    return await crypto.subtle.importKey(
      'pkcs8',
      der,
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['sign'],
    );
  } catch {
    // The WebCrypto error text varies by runtime and says nothing useful; never include the key.
    throw new InvalidRequestError('The private key could not be imported as an RSA PKCS #8 key.');
  }
}

/**
 * Signs a JWT with RS256 (RSASSA-PKCS1-v1_5 over SHA-256).
 * @param claims - The payload.
 * @param key - A signing key from {@link importRs256Key}.
 * @param keyId - The `kid` header (a service account's `private_key_id`), when known.
 * @returns The compact JWT.
 */
export async function signJwt(
  claims: Record<string, unknown>,
  key: CryptoKey,
  keyId?: string,
): Promise<string> {
  const header = { alg: 'RS256', typ: 'JWT', ...(keyId ? { kid: keyId } : {}) };
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const signature = await crypto.subtle.sign(
    'RSASSA-PKCS1-v1_5',
    key,
    new TextEncoder().encode(input),
  );
  return `${input}.${base64url(new Uint8Array(signature))}`;
}
