/**
 * A small zip reader and writer over bytes, for the packages we write ourselves and then add a
 * part to (a chart): no file system, no streams, so the pane runs it in the browser as the
 * command line does in Node. Entries are read stored or, given an `inflate`, deflated; written
 * stored or, given a `deflate`, deflated. No zip64, no encryption: our summaries never need them.
 */

import { utf8 } from "../../engine/mail/mime";

export type Codec = (bytes: Uint8Array) => Promise<Uint8Array>;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export class ZipFormatError extends Error {}

/** UTF-8 bytes as text (an entry's name, a small XML part), decoded the same in Node and the browser. */
export function utf8Text(bytes: Uint8Array): string {
  const pieces: string[] = [];
  const units = new Uint16Array(8192);
  let n = 0;
  const flush = () => {
    pieces.push(String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]));
    n = 0;
  };
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const extra = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : 0;
    let code = extra === 0 ? b : b & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) code = (code << 6) | (bytes[i + k] & 0x3f);
    i += extra + 1;
    if (n >= units.length - 1) flush();
    if (code >= 0x10000) {
      code -= 0x10000;
      units[n++] = 0xd800 + (code >> 10);
      units[n++] = 0xdc00 + (code & 0x3ff);
    } else units[n++] = code;
  }
  flush();
  return pieces.join("");
}

/** The entries of a zip, in the order of its central directory: name → uncompressed bytes. */
export async function readZip(bytes: Uint8Array, inflate?: Codec): Promise<Map<string, Uint8Array>> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipFormatError("no end of central directory");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const out = new Map<string, Uint8Array>();
  for (let n = 0; n < count; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new ZipFormatError("bad central directory");
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = utf8Text(bytes.subarray(at + 46, at + 46 + nameLength));
    const dataAt = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(dataAt, dataAt + size);
    if (method === 0) out.set(name, data);
    else if (method === 8 && inflate) out.set(name, await inflate(data));
    else throw new ZipFormatError(`entry ${name}: compression method ${method}`);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

/** 1980-01-01 00:00 in MS-DOS form: the same bytes for the same content. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** A zip of the entries, in their order; deflated where `deflate` is given and it saves room. */
export async function writeZip(entries: Iterable<[string, Uint8Array]>, deflate?: Codec): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  let count = 0;
  for (const [name, data] of entries) {
    const nameBytes = utf8(name);
    const packed = deflate ? await deflate(data) : null;
    const method = packed && packed.length < data.length ? 8 : 0;
    const body = method === 8 ? packed! : data;
    const crc = crc32(data);
    const header = new Uint8Array(30 + nameBytes.length);
    const h = new DataView(header.buffer);
    h.setUint32(0, 0x04034b50, true);
    h.setUint16(4, 20, true);
    h.setUint16(6, 0x0800, true);
    h.setUint16(8, method, true);
    h.setUint16(10, DOS_TIME, true);
    h.setUint16(12, DOS_DATE, true);
    h.setUint32(14, crc, true);
    h.setUint32(18, body.length, true);
    h.setUint32(22, data.length, true);
    h.setUint16(26, nameBytes.length, true);
    header.set(nameBytes, 30);
    const entry = new Uint8Array(46 + nameBytes.length);
    const e = new DataView(entry.buffer);
    e.setUint32(0, 0x02014b50, true);
    e.setUint16(4, 20, true);
    e.setUint16(6, 20, true);
    e.setUint16(8, 0x0800, true);
    e.setUint16(10, method, true);
    e.setUint16(12, DOS_TIME, true);
    e.setUint16(14, DOS_DATE, true);
    e.setUint32(16, crc, true);
    e.setUint32(20, body.length, true);
    e.setUint32(24, data.length, true);
    e.setUint16(28, nameBytes.length, true);
    e.setUint32(42, offset, true);
    entry.set(nameBytes, 46);
    chunks.push(header, body);
    central.push(entry);
    offset += header.length + body.length;
    count++;
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const v = new DataView(end.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, count, true);
  v.setUint16(10, count, true);
  v.setUint32(12, centralSize, true);
  v.setUint32(16, offset, true);
  return concatBytes([...chunks, ...central, end]);
}

/** `parts` joined into one array. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Deflate and inflate through the platform's CompressionStream (browsers, Node 20), when it has one. */
export function streamCodecs(): { deflate?: Codec; inflate?: Codec } {
  const C = (globalThis as { CompressionStream?: new (format: string) => TransformStream<Uint8Array, Uint8Array> }).CompressionStream;
  const D = (globalThis as { DecompressionStream?: new (format: string) => TransformStream<Uint8Array, Uint8Array> }).DecompressionStream;
  const through = (stream: TransformStream<Uint8Array, Uint8Array>) => async (bytes: Uint8Array) =>
    new Uint8Array(await new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream)).arrayBuffer());
  return {
    deflate: C && typeof Response !== "undefined" ? (bytes) => through(new C("deflate-raw"))(bytes) : undefined,
    inflate: D && typeof Response !== "undefined" ? (bytes) => through(new D("deflate-raw"))(bytes) : undefined,
  };
}
