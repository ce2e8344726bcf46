import type { Readable } from "node:stream";
import yauzl from "yauzl";

/** An .xlsx package opened for reading: its entries by name, each readable as often as needed. */
export interface ZipReader {
  names: string[];
  has(name: string): boolean;
  /** The entry's uncompressed bytes as a stream. */
  stream(name: string): Promise<Readable>;
  /** A small entry (workbook.xml, rels, styles) as text. */
  text(name: string): Promise<string>;
  close(): void;
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) =>
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

/** Opens a zip file by its central directory; entries are decompressed only when read. */
export async function openZipReader(file: string): Promise<ZipReader> {
  const zip = await openZip(file);
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
    names: [...entries.keys()],
    has: (name) => find(name) !== undefined,
    stream,
    text: async (name) => (await collect(await stream(name))).toString("utf8").replace(/^\uFEFF/, ""),
    close: () => zip.close(),
  };
}
