// RSA key pairs for the service-account cases (cases-google-vertex.mjs, cases-google-service-account.mjs):
// made with WebCrypto, so every runtime can sign; the emulated token endpoint verifies with the JWK.

/** A PKCS #8 PEM and a public JWK from a fresh WebCrypto RSA key pair. */
export async function keyPair() {
  const pair = /** @type {CryptoKeyPair} */ (
    await crypto.subtle.generateKey(
      {
        name: 'RSASSA-PKCS1-v1_5',
        modulusLength: 2048,
        publicExponent: new Uint8Array([1, 0, 1]),
        hash: 'SHA-256',
      },
      true,
      ['sign', 'verify'],
    )
  );
  const der = new Uint8Array(
    /** @type {ArrayBuffer} */ (await crypto.subtle.exportKey('pkcs8', pair.privateKey)),
  );
  let bin = '';
  for (const b of der) bin += String.fromCharCode(b);
  const body = btoa(bin).replace(/.{64}/g, '$&\n');
  const pem = `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----\n`;
  return { pem, jwk: await crypto.subtle.exportKey('jwk', pair.publicKey) };
}

/** Derives the public key of a PKCS #8 PEM by importing it extractable and re-exporting as JWK. */
export async function importPublic(/** @type {string} */ pem) {
  const b64 = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  const der = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const priv = await crypto.subtle.importKey(
    'pkcs8',
    der,
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    true,
    ['sign'],
  );
  const jwk = /** @type {JsonWebKey} */ (await crypto.subtle.exportKey('jwk', priv));
  return crypto.subtle.importKey(
    'jwk',
    { kty: jwk.kty, n: jwk.n, e: jwk.e, alg: 'RS256', ext: true },
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    true,
    ['verify'],
  );
}
