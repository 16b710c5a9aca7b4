// SHA-256 (FIPS 180-4) in plain JavaScript, for the rare runtime without `crypto.subtle`: pages
// served over http from a non-localhost origin (WebCrypto is limited to secure contexts) and some
// embedded webviews. Loaded with import() only there, so other bundles never carry it. Its digests
// equal WebCrypto's (test/sha256.test.ts), so cache keys do not depend on which one ran.

const K = new Uint32Array(64);
let ready = false;

/** The round constants: the first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
function init(): void {
  for (let n = 2, i = 0; i < 64; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) if (n % d === 0) prime = false;
    if (prime) K[i++] = ((Math.cbrt(n) % 1) * 2 ** 32) >>> 0;
  }
  ready = true;
}

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/**
 * Hashes bytes with SHA-256.
 * @param data - The message.
 * @returns The 32-byte digest.
 */
export function sha256(data: Uint8Array): Uint8Array {
  if (!ready) init();
  const h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  // Padding: 0x80, zeros, then the bit length as a 64-bit big-endian number.
  const length = ((data.length + 9 + 63) >> 6) << 6;
  const block = new Uint8Array(length);
  block.set(data);
  block[data.length] = 0x80;
  const view = new DataView(block.buffer);
  view.setUint32(length - 8, Math.floor(data.length / 0x20000000));
  view.setUint32(length - 4, (data.length << 3) >>> 0);
  const w = new Uint32Array(64);
  for (let offset = 0; offset < length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!;
      const b = w[i - 2]!;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h as unknown as number[];
    for (let i = 0; i < 64; i++) {
      const t1 =
        (hh! +
          (rotr(e!, 6) ^ rotr(e!, 11) ^ rotr(e!, 25)) +
          ((e! & f!) ^ (~e! & g!)) +
          K[i]! +
          w[i]!) >>>
        0;
      const t2 =
        ((rotr(a!, 2) ^ rotr(a!, 13) ^ rotr(a!, 22)) + ((a! & b!) ^ (a! & c!) ^ (b! & c!))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d! + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    [a, b, c, d, e, f, g, hh].forEach((x, i) => (h[i] = (h[i]! + x!) >>> 0));
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  h.forEach((x, i) => outView.setUint32(i * 4, x));
  return out;
}
