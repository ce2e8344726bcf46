import { existsSync, promises as fs, statSync } from "node:fs";
import { openZipReader } from "../../src/hosts/xlsx-package/zip-read";
import { ZipWriter } from "../../src/hosts/xlsx-package/zip-write";

/** The first worksheet of a generated workbook (the roster). */
const ROSTER_PART = "xl/worksheets/sheet1.xml";

/**
 * A copy of a generated workbook with one stray value far from the roster (at `cell`, in a
 * member's row), as a user leaves one by a slip of the hand: cached beside the original.
 */
export async function withStrayCell(file: string, cell = "XFD4"): Promise<{ file: string; bytes: number }> {
  const out = file.replace(/\.xlsx$/, `-${cell}.xlsx`);
  if (existsSync(out)) return { file: out, bytes: statSync(out).size };
  const row = /\d+$/.exec(cell)![0];
  const zip = await openZipReader(file);
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    const writer = new ZipWriter(tmp);
    for (const name of zip.names) {
      if (name !== ROSTER_PART) {
        writer.addLazy(name, () => zip.stream(name));
        continue;
      }
      const xml = await zip.text(name);
      const start = xml.indexOf(`<row r="${row}"`);
      const end = xml.indexOf("</row>", start);
      if (start < 0 || end < 0) throw new Error(`no row ${row} in ${name}`);
      const stray = `<c r="${cell}" t="inlineStr"><is><t>备注：已核对</t></is></c>`;
      writer.addText(name, (xml.slice(0, end) + stray + xml.slice(end)).replace(/<dimension ref="A1:[A-Z]+(\d+)"/, `<dimension ref="A1:XFD$1"`));
    }
    await writer.end();
    await fs.rename(tmp, out);
  } finally {
    zip.close();
    await fs.rm(tmp, { force: true });
  }
  return { file: out, bytes: statSync(out).size };
}
