import { readFileSync, writeFileSync } from "node:fs";
import yauzl from "yauzl";
import yazl from "yazl";

/** Every entry of a zip file, in order, as bytes. */
async function entries(file: string): Promise<[string, Buffer][]> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.fromBuffer(readFileSync(file), { lazyEntries: true }, (e, z) => (e ? reject(e) : resolve(z!))));
  const out: [string, Buffer][] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (e, stream) => {
        if (e) return reject(e);
        const parts: Buffer[] = [];
        stream!.on("data", (b: Buffer) => parts.push(b));
        stream!.on("end", () => {
          out.push([entry.fileName, Buffer.concat(parts)]);
          zip.readEntry();
        });
      });
    });
    zip.on("end", resolve);
    zip.on("error", reject);
    zip.readEntry();
  });
  return out;
}

/** The part of a sheet by its name, through workbook.xml and its relationships. */
function sheetPart(parts: Map<string, string>, sheet: string): string {
  const workbook = parts.get("xl/workbook.xml")!;
  const rels = parts.get("xl/_rels/workbook.xml.rels")!;
  const escaped = sheet.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const id = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const target = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels) ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels);
  return `xl/${target![1].replace(/^\/?xl\//, "")}`;
}

/**
 * Types text into one cell of a sheet, as a user does in Excel: the cell becomes an inline
 * string and nothing else in the package changes (our markers, the run record, styles).
 */
export async function typeIntoCell(file: string, out: string, sheet: string, ref: string, text: string): Promise<void> {
  const all = await entries(file);
  const texts = new Map(all.filter(([name]) => name.endsWith(".xml") || name.endsWith(".rels")).map(([name, bytes]) => [name, bytes.toString("utf8")]));
  const part = sheetPart(texts, sheet);
  const xml = texts.get(part)!;
  const cell = new RegExp(`<c r="${ref}"([^>]*?)(/>|>[\\s\\S]*?</c>)`);
  const match = cell.exec(xml);
  if (!match) throw new Error(`no cell ${ref} in ${part}`);
  const style = /\ss="\d+"/.exec(match[1])?.[0] ?? "";
  const edited = xml.replace(cell, `<c r="${ref}"${style} t="inlineStr"><is><t>${text}</t></is></c>`);
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of all) zip.addBuffer(name === part ? Buffer.from(edited, "utf8") : bytes, name);
  zip.end();
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.outputStream.on("data", (b: Buffer) => chunks.push(b));
    zip.outputStream.on("end", resolve);
    zip.outputStream.on("error", reject);
  });
  writeFileSync(out, Buffer.concat(chunks));
}
