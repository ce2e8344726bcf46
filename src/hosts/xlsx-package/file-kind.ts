import { read } from "node:fs";
import { promisify } from "node:util";

/**
 * What a file is, told by its content rather than its name: the spreadsheet formats people
 * save by mistake (.xls, WPS .et, .xlsb, .ods, a password-protected .xlsx) each get their own
 * sentence saying how to turn them into an .xlsx.
 */

const readAt = promisify(read);

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export type LeadKind = "empty" | "zip" | "ole" | "other";

/** The kind of file its first bytes show. */
export function leadKind(bytes: Uint8Array): LeadKind {
  if (bytes.length === 0) return "empty";
  if (bytes.length >= 4 && OLE_MAGIC.slice(0, 4).every((b, i) => bytes[i] === b)) return "ole";
  if (bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b) return "zip";
  return "other";
}

/**
 * What an OLE compound file holds: an encrypted .xlsx, an old workbook (.xls or WPS .et),
 * something else (a .doc …), or unknown when no directory could be found.
 */
export type OleKind = "encrypted" | "legacy-workbook" | "other" | "unknown";

const ENTRY = 128;
const CHUNK = 1 << 20;

/** A directory entry's name, when the 128 bytes at `at` look like one (name length and object type agree). */
function entryName(bytes: Buffer, at: number): string | null {
  const length = bytes.readUInt16LE(at + 64);
  const type = bytes[at + 66];
  if (length < 4 || length > 64 || length % 2 !== 0 || (type !== 1 && type !== 2 && type !== 5)) return null;
  if (bytes.readUInt16LE(at + length - 2) !== 0) return null;
  return bytes.toString("utf16le", at, at + length - 2);
}

/**
 * Tells an OLE file's kind by the names of its streams. The directory's entries lie on
 * 128-byte boundaries past the 512-byte header whatever the sector size, so they are found by
 * looking at each boundary (reading stops at the first telling name).
 */
export async function oleKind(source: number | Buffer, size = Buffer.isBuffer(source) ? source.length : 0): Promise<OleKind> {
  const buffer = Buffer.alloc(CHUNK);
  const readChunk = async (offset: number) => {
    if (!Buffer.isBuffer(source)) return (await readAt(source, buffer, 0, CHUNK, offset)).bytesRead;
    return source.copy(buffer, 0, offset, Math.min(source.length, offset + CHUNK));
  };
  let directory = false;
  for (let offset = 512; offset < size; offset += CHUNK) {
    const bytesRead = await readChunk(offset);
    for (let at = 0; at + ENTRY <= bytesRead; at += ENTRY) {
      const name = entryName(buffer, at);
      if (name === null) continue;
      if (name === "Root Entry") directory = true;
      if (name === "EncryptedPackage" || name === "EncryptionInfo") return "encrypted";
      if (name === "Workbook" || name === "Book" || name === "WORKBOOK" || name === "BOOK") return "legacy-workbook";
    }
    if (bytesRead < CHUNK) break;
  }
  return directory ? "other" : "unknown";
}

/** What a zip with no .xlsx workbook in it is, by its entries: a binary workbook (.xlsb), an OpenDocument spreadsheet (.ods), or something else. */
export type ZipKind = "xlsb" | "ods" | "other";

export async function zipKind(has: (name: string) => boolean, text: (name: string) => Promise<string>): Promise<ZipKind> {
  if (has("xl/workbook.bin")) return "xlsb";
  if (has("mimetype")) {
    const mime = (await text("mimetype").catch(() => "")).trim();
    if (mime.startsWith("application/vnd.oasis.opendocument.spreadsheet")) return "ods";
  }
  if (has("content.xml") && has("META-INF/manifest.xml")) {
    const manifest = await text("META-INF/manifest.xml").catch(() => "");
    if (manifest.includes("application/vnd.oasis.opendocument.spreadsheet")) return "ods";
  }
  return "other";
}
