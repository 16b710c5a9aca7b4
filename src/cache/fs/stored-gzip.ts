// gzip with deflate's stored blocks: a valid .gz file (zcat and every inflater read it) whose data is
// not compressed. The fs store writes entries under 4 KiB this way: on disk either form fills one
// 4 KiB block, and deflating costs a small entry's write more than the rest of the call's cache work
// (pako allocates and zeroes some 250 kB of tables per call). Larger entries are deflated as before.
// The CRC comes from zlib's native crc32 (Node 20.15+, Deno, Bun): the table loop below, unoptimized
// as a function run once per write is, cost about 0.3 M instructions for a 700-byte entry.
import * as zlib from 'node:zlib';

// ID1 ID2, CM = deflate, no flags, no mtime, XFL 0, OS unknown. Typed, so that copying it into a
// file is a memcpy.
const HEADER = /* @__PURE__ */ new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
/** One stored block holds at most this many bytes; the fs store wraps entries under 4 KiB only. */
const BLOCK = 0xffff;

let table: Uint32Array | undefined;

/**
 * The CRC-32 gzip's trailer holds (the IEEE polynomial, reflected), in JavaScript: for runtimes whose
 * `node:zlib` has no `crc32` (Node before 20.15).
 * @param bytes - The data.
 * @returns The CRC as an unsigned 32-bit number.
 */
export function tableCrc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let crc = -1;
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}

// Read as a property: a named import of an export the runtime lacks would fail to load the store.
const crc32 = (bytes: Uint8Array): number => (zlib.crc32 ? zlib.crc32(bytes) : tableCrc32(bytes));

/**
 * Wraps bytes in gzip without compressing them: one stored block.
 * @param data - What the file holds once unzipped, at most 65535 bytes.
 * @returns A gzip member.
 */
export function storedGzip(data: Uint8Array): Uint8Array {
  const size = data.length;
  if (size > BLOCK) throw new RangeError('one stored block holds at most 65535 bytes');
  // Little-endian fields written byte by byte (a typed array keeps the low 8 bits of each), without
  // a DataView: with the typed header, some 0.002 M instructions less per write.
  const out = new Uint8Array(size + 23);
  const crc = crc32(data);
  out.set(HEADER);
  out[10] = 1; // BFINAL, BTYPE 00 (stored)
  out[11] = out[size + 19] = size;
  out[12] = out[size + 20] = size >> 8;
  out[13] = ~size;
  out[14] = ~size >> 8;
  out.set(data, 15);
  out[size + 15] = crc;
  out[size + 16] = crc >> 8;
  out[size + 17] = crc >> 16;
  out[size + 18] = crc >>> 24;
  return out; // the length's upper 16 bits, the last two bytes, stay 0
}

/**
 * The data of a gzip file written by {@link storedGzip}, checked against its header, length and
 * CRC; undefined for anything else (deflated or damaged data), which the codec then reads or
 * reports as corrupt with its own reason.
 * @param file - The file's bytes.
 * @returns The unzipped bytes, or undefined.
 */
export function unstoredGzip(file: Uint8Array): Uint8Array | undefined {
  const size = file.length - 23;
  if (size < 0 || HEADER.some((byte, i) => i < 4 && file[i] !== byte) || file[10] !== 1) return;
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const length = view.getUint16(11, true);
  if (length !== size || view.getUint16(13, true) !== (~size & 0xffff)) return;
  if (view.getUint32(size + 19, true) !== size) return;
  const data = file.subarray(15, 15 + size);
  return crc32(data) === view.getUint32(size + 15, true) ? data : undefined;
}
