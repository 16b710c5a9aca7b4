// gzip with deflate's stored blocks: a valid .gz file (zcat and every inflater read it) whose data is
// not compressed. The fs store writes entries under 4 KiB this way: on disk either form fills one
// 4 KiB block, and deflating costs a small entry's write more than the rest of the call's cache work
// (pako allocates and zeroes some 250 kB of tables per call). Larger entries are deflated as before.

/** Stored blocks hold at most this many bytes each. */
const BLOCK = 0xffff;
// ID1 ID2, CM = deflate, no flags, no mtime, XFL 0, OS unknown.
const HEADER = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];

let table: Uint32Array | undefined;

/** The CRC-32 gzip's trailer holds (the IEEE polynomial, reflected). */
function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = table[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * Wraps bytes in gzip without compressing them.
 * @param data - What the file holds once unzipped.
 * @returns A gzip member of stored blocks.
 */
export function storedGzip(data: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(data.length / BLOCK));
  const out = new Uint8Array(HEADER.length + blocks * 5 + data.length + 8);
  const view = new DataView(out.buffer);
  out.set(HEADER);
  let at = HEADER.length;
  for (let start = 0, block = 0; block < blocks; block++, start += BLOCK) {
    const length = Math.min(BLOCK, data.length - start);
    out[at] = block === blocks - 1 ? 1 : 0; // BFINAL on the last; BTYPE 00, stored
    view.setUint16(at + 1, length, true);
    view.setUint16(at + 3, ~length & 0xffff, true);
    out.set(data.subarray(start, start + length), at + 5);
    at += 5 + length;
  }
  view.setUint32(at, crc32(data), true);
  view.setUint32(at + 4, data.length, true);
  return out;
}

/**
 * The data of a gzip file written by {@link storedGzip}, checked against its length, block headers
 * and CRC; undefined for anything else (deflated or damaged data), which the codec then reads or
 * reports as corrupt with its own reason.
 * @param file - The file's bytes.
 * @returns The unzipped bytes, or undefined.
 */
export function unstoredGzip(file: Uint8Array): Uint8Array | undefined {
  if (file.length < HEADER.length + 13) return undefined;
  for (let i = 0; i < 4; i++) if (file[i] !== HEADER[i]) return undefined;
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const parts: Uint8Array[] = [];
  let at = HEADER.length;
  let size = 0;
  for (let last = false; !last;) {
    if (at + 5 > file.length - 8 || (file[at]! & ~1) !== 0) return undefined;
    last = file[at] === 1;
    const length = view.getUint16(at + 1, true);
    if (view.getUint16(at + 3, true) !== (~length & 0xffff)) return undefined;
    if (at + 5 + length > file.length - 8) return undefined;
    parts.push(file.subarray(at + 5, at + 5 + length));
    size += length;
    at += 5 + length;
  }
  if (at !== file.length - 8 || view.getUint32(at + 4, true) !== size) return undefined;
  const data = parts.length === 1 ? parts[0]! : new Uint8Array(size);
  if (parts.length > 1)
    parts.reduce((offset, part) => (data.set(part, offset), offset + part.length), 0);
  return crc32(data) === view.getUint32(at, true) ? data : undefined;
}
