import { writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { sheetXml, textCell, xlsxParts, zip } from "./zip";

/**
 * An OLE compound file (old .xls, WPS .et, or an .xlsx with an opening password) with a
 * directory naming its streams: the root entry, then each stream.
 */
export function oleFile(streams: string[]): Buffer {
  const bytes = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
  bytes.writeUInt16LE(0x003e, 0x18); // minor version
  bytes.writeUInt16LE(0x0003, 0x1a); // major version 3
  bytes.writeUInt16LE(0xfffe, 0x1c); // little-endian
  bytes.writeUInt16LE(9, 0x1e); // 512-byte sectors
  bytes.writeUInt32LE(1, 0x30); // the directory starts at sector 1 (offset 1024)
  ["Root Entry", ...streams].forEach((name, i) => {
    const at = 1024 + i * 128;
    bytes.write(name, at, "utf16le");
    bytes.writeUInt16LE((name.length + 1) * 2, at + 64);
    bytes[at + 66] = i === 0 ? 5 : 2; // root storage, then streams
  });
  return bytes;
}

/** A small roster with a title, as a secretary keeps it. */
export function smallRoster(ws: ExcelJS.Worksheet): void {
  ws.getCell("A1").value = "机关党委 2025 年度民主评议党员登记表";
  ws.getRow(2).values = ["序号", "姓名", "所在支部", "学时", "测评满意度", "书面申请"];
  ws.getRow(3).values = [1, "王建国", "机关第一党支部", 52, 88, "是"];
  ws.getRow(4).values = [2, "李秀英", "机关第一党支部", 38, 65, "否"];
  ws.getRow(5).values = [3, "张伟", "机关第二党支部", 60, 92, "是"];
}

/** A roster whose sheet has 1,048,576 empty rows formatted one by one (as some tools save a filled column). */
export function millionStyledRows(withTable: boolean): Buffer {
  const rows: string[] = [];
  if (withTable) {
    rows.push(`<row r="1">${textCell("A1", "姓名")}${textCell("B1", "所在支部")}${textCell("C1", "学时")}</row>`);
    rows.push(`<row r="2">${textCell("A2", "王建国")}${textCell("B2", "机关第一党支部")}<c r="C2"><v>52</v></c></row>`);
    rows.push(`<row r="3">${textCell("A3", "李秀英")}${textCell("B3", "机关第二党支部")}<c r="C3"><v>38</v></c></row>`);
  } else {
    rows.push(`<row r="1">${textCell("A1", "会议记录")}</row>`, `<row r="2"/>`, `<row r="3"/>`);
  }
  for (let r = 4; r <= 1_048_576; r++) rows.push(`<row r="${r}" s="1" customFormat="1"><c r="A${r}" s="1"/></row>`);
  return zip(xlsxParts(sheetXml("A1:XFD1048576", rows.join(""))));
}

/** A small roster whose last formatted cell is A1048576 (the used range Excel reports is a million rows). */
export async function styledLastRow(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("党员名单");
  smallRoster(ws);
  ws.getCell("A1048576").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  ws.getCell("F1048576").border = { bottom: { style: "thin" } };
  await wb.xlsx.writeFile(file);
}

export function writeBytes(file: string, bytes: Buffer | string): string {
  writeFileSync(file, bytes);
  return file;
}

/** A roster full of text that starts with = + - or @, and the user's own formulas beside it. */
export async function riskyRoster(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("党员名单");
  ws.getCell("A1").value = "=2025年度民主评议登记表";
  ws.getRow(2).values = ["序号", "姓名", "所在支部", "学时", "测评满意度", "书面申请", "批次"];
  ws.getRow(3).values = [null, "=HYPERLINK(\"http://x.invalid\",\"点我\")", "=第一支部", 52, 88, "是", "@第一批"];
  ws.getRow(4).values = [null, "+王建国", "-第二支部", "=1+1", "-5", "+是", "=A1"];
  ws.getRow(5).values = [null, "@李秀英", "@第三支部", 38, "=80", "-", "-1"];
  ws.getRow(6).values = [null, "-张伟", "=第一支部", "+40", 92, "@是", "+2"];
  ws.getRow(7).values = [null, "@李秀英", "@第三支部", 40, 70, "是", "第一批"];
  // the user's own formulas stay formulas
  for (let r = 3; r <= 7; r++) ws.getCell(`A${r}`).value = { formula: "ROW()-2", result: r - 2 };
  await wb.xlsx.writeFile(file);
}

/** The XML of a roster of `members` rows (姓名, 所在支部, 学时 in A:C under a header in row `top`), plus `extra` rows. */
export function rosterRowsXml(members: number, extra = "", top = 1): string {
  const rows = [`<row r="${top}">${textCell(`A${top}`, "姓名")}${textCell(`B${top}`, "所在支部")}${textCell(`C${top}`, "学时")}</row>`];
  for (let i = 0; i < members; i++) {
    const r = i + top + 1;
    rows.push(`<row r="${r}">${textCell(`A${r}`, `党员${i + 1}`)}${textCell(`B${r}`, `第${(i % 7) + 1}支部`)}<c r="C${r}"><v>${30 + (i % 40)}</v></c></row>`);
  }
  return rows.join("") + extra;
}

/**
 * A one-sheet roster package with a stray value at `cell` ("XFD4"): put into its row when the
 * row holds members (cells in column order), else in a row of its own in row order.
 */
export function rosterWithStray(members: number, cell: string | null, value = "备注"): Buffer {
  const rows = rosterRowsXml(members).split(/(?=<row )/);
  if (cell) {
    const m = /^([A-Z]+)(\d+)$/.exec(cell);
    if (!m) throw new Error(`not a cell: ${cell}`);
    const r = Number(m[2]);
    const stray = textCell(cell, value);
    if (r >= 1 && r <= members + 1) rows[r - 1] = rows[r - 1].replace("</row>", `${stray}</row>`);
    else rows.push(`<row r="${r}">${stray}</row>`);
  }
  return zip(xlsxParts(sheetXml("A1:C2", rows.join(""))));
}
