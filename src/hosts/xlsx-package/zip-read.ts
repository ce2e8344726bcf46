import { close, open } from "node:fs";
import type { Readable } from "node:stream";
import { promisify } from "node:util";
import yauzl from "yauzl";

/** An .xlsx package opened for reading: its entries by name, each readable as often as needed. */
export interface ZipReader {
  /** The file descriptor every entry is read through. */
  fd: number;
  names: string[];
  has(name: string): boolean;
  /** The entry's uncompressed bytes as a stream. */
  stream(name: string): Promise<Readable>;
  /** A small entry (workbook.xml, rels, styles) as text. */
  text(name: string): Promise<string>;
  close(): void;
}

/** Plain descriptors, not FileHandles: yauzl closes the descriptor itself. */
export const openFd = promisify(open);
export const closeFd = promisify(close);

function openZip(fd: number): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromFd(fd, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    ),
  );
}

function readEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on("entry", (entry: yauzl.Entry) => {
      // part names are case-insensitive in a package; a leading slash is never stored but some tools write one
      if (!entry.fileName.endsWith("/")) entries.set(entry.fileName.replace(/^\/+/, ""), entry);
      zip.readEntry();
    });
    zip.once("end", () => resolve(entries));
    zip.once("error", reject);
    zip.readEntry();
  });
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Opens a zip by its central directory; entries are decompressed only when read. Given an open
 * file descriptor, every read goes through it (the file as it was opened, even if its name is
 * given to another file meanwhile) and `close` closes it.
 */
export async function openZipReader(file: string | number): Promise<ZipReader> {
  const fd = typeof file === "number" ? file : await openFd(file, "r");
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(fd);
  } catch (error) {
    await closeFd(fd).catch(() => undefined);
    throw error;
  }
  let entries: Map<string, yauzl.Entry>;
  try {
    entries = await readEntries(zip);
  } catch (error) {
    zip.close();
    throw error;
  }
  const byLowerName = new Map<string, yauzl.Entry>();
  for (const [name, entry] of entries) byLowerName.set(name.toLowerCase(), entry);
  const find = (name: string) => entries.get(name) ?? byLowerName.get(name.toLowerCase());
  const stream = (name: string) =>
    new Promise<Readable>((resolve, reject) => {
      const entry = find(name);
      if (!entry) return reject(new Error(`no part ${name}`));
      zip.openReadStream(entry, (error, readable) => (error ? reject(error) : resolve(readable)));
    });
  return {
    fd,
    names: [...entries.keys()],
    has: (name) => find(name) !== undefined,
    stream,
    text: async (name) => (await collect(await stream(name))).toString("utf8").replace(/^\uFEFF/, ""),
    close: () => zip.close(),
  };
}
