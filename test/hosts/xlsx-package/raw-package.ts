import { deflateSync } from "node:zlib";
import { zip } from "../../files/zip";

/**
 * .xlsx packages written part by part, for what exceljs never writes: shared formulas, inline
 * and phonetic strings, the 1904 date system, cells and rows without `r`, images and charts,
 * data validations, defined names.
 */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface RawSheet {
  name: string;
  /** Everything inside `<worksheet>`. */
  body: string;
  /** Relationships of the sheet part (drawings, hyperlinks), as `<Relationship …/>` elements. */
  rels?: string;
}

export interface RawWorkbook {
  sheets: RawSheet[];
  /** Shared strings, each the inside of one `<si>`. */
  strings?: string[];
  /** `<numFmts>` inside and `<cellXfs>` children (style 0 is added first). */
  numFmts?: string;
  cellXfs?: string[];
  date1904?: boolean;
  definedNames?: string;
  /** More parts (media, drawings, charts) and their content-type overrides. */
  parts?: Record<string, string | Buffer>;
  overrides?: Record<string, string>;
  /** More relationships of the workbook part (a calculation chain). */
  workbookRels?: string;
}

export const sheetBody = (rows: string, tail = "", head = "") => `${head}<sheetData>${rows}</sheetData>${tail}`;
export const str = (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`;
export const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
export const num = (ref: string, value: number | string, style?: number) => `<c r="${ref}"${style ? ` s="${style}"` : ""}><v>${value}</v></c>`;

export function rawWorkbook(wb: RawWorkbook): Buffer {
  const parts: Record<string, string | Buffer> = {};
  const overrides: Record<string, string> = {
    "/xl/workbook.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "/xl/styles.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
    "/docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    ...wb.overrides,
  };
  const workbookRels: string[] = [];
  wb.sheets.forEach((sheet, i) => {
    const part = `xl/worksheets/sheet${i + 1}.xml`;
    parts[part] = `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${R}">${sheet.body}</worksheet>`;
    if (sheet.rels) parts[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`] = `${XML}<Relationships xmlns="${PKG}">${sheet.rels}</Relationships>`;
    overrides[`/${part}`] = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    workbookRels.push(`<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  });
  workbookRels.push(`<Relationship Id="rIdStyles" Type="${R}/styles" Target="styles.xml"/>`);
  if (wb.workbookRels) workbookRels.push(wb.workbookRels);
  if (wb.strings) {
    parts["xl/sharedStrings.xml"] = `${XML}<sst xmlns="${MAIN}" count="${wb.strings.length}" uniqueCount="${wb.strings.length}">${wb.strings.map((s) => `<si>${s}</si>`).join("")}</sst>`;
    overrides["/xl/sharedStrings.xml"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
    workbookRels.push(`<Relationship Id="rIdStrings" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', ...(wb.cellXfs ?? [])];
  parts["xl/styles.xml"] =
    `${XML}<styleSheet xmlns="${MAIN}">${wb.numFmts ? `<numFmts count="${(wb.numFmts.match(/<numFmt /g) ?? []).length}">${wb.numFmts}</numFmts>` : ""}` +
    `<fonts count="1"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
  parts["xl/workbook.xml"] =
    `${XML}<workbook xmlns="${MAIN}" xmlns:r="${R}"><workbookPr${wb.date1904 ? ' date1904="1"' : ""}/><bookViews><workbookView activeTab="0"/></bookViews>` +
    `<sheets>${wb.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets>` +
    `${wb.definedNames ? `<definedNames>${wb.definedNames}</definedNames>` : ""}<calcPr calcId="191029"/></workbook>`;
  parts["xl/_rels/workbook.xml.rels"] = `${XML}<Relationships xmlns="${PKG}">${workbookRels.join("")}</Relationships>`;
  parts["_rels/.rels"] =
    `${XML}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/>` +
    `<Relationship Id="rId2" Type="${R}/extended-properties" Target="docProps/app.xml"/></Relationships>`;
  parts["docProps/app.xml"] =
    `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application>` +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>${wb.sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${wb.sheets.length}" baseType="lpstr">${wb.sheets.map((s) => `<vt:lpstr>${s.name}</vt:lpstr>`).join("")}</vt:vector></TitlesOfParts></Properties>`;
  Object.assign(parts, wb.parts);
  const types =
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>` +
    Object.entries(overrides).map(([name, type]) => `<Override PartName="${name}" ContentType="${type}"/>`).join("") +
    "</Types>";
  return zip({ "[Content_Types].xml": types, ...parts });
}

/** A 4×4 red PNG. */
export function png(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (data: Buffer) => {
    let c = 0xffffffff;
    for (const byte of data) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, "latin1");
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(Buffer.concat([head.subarray(4), body])), 0);
    return Buffer.concat([head, body, tail]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(4, 0);
  ihdr.writeUInt32BE(4, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const raw = Buffer.concat(Array.from({ length: 4 }, () => Buffer.from([0, 255, 0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0])));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}
