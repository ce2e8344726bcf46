import { readFileSync, writeFileSync } from "node:fs";
import { planHash } from "../../../src/engine/memory/content-hash";
import { sheetMarkerFormula } from "../../../src/engine/memory/markers";
import { cli, load } from "../../cli/helpers";
import { unzip } from "../../files/zip";
import { makeTempDir } from "./helpers";
import { inline, num, rawWorkbook, sheetBody } from "./raw-package";

/**
 * The calculation chain names formula cells by sheet id. When an earlier sheet of ours that it
 * names is replaced, the chain goes (with its relationship and content type); otherwise it stays.
 * (A sheet of ours is replaced only when it holds what we wrote, so no formula: the chain is
 * stale there, and Excel would repair a chain naming a cell without one.)
 */

let tmp: ReturnType<typeof makeTempDir>;
beforeAll(() => (tmp = makeTempDir()));
afterAll(() => tmp.cleanup());

const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const roster = sheetBody(
  `<row r="1">${inline("A1", "姓名")}${inline("B1", "学时")}${inline("C1", "两倍")}</row>` +
    `<row r="2">${inline("A2", "王建国")}${num("B2", 52)}<c r="C2"><f>B2*2</f><v>104</v></c></row>`,
);

/** The roster and an earlier sheet of ours, marked with the hash of what it holds. */
function workbook(chain: string): Buffer {
  const title = "说明 · 旧";
  const ours = sheetBody(`<row r="1">${inline("A1", title)}</row>`);
  const marker = sheetMarkerFormula({ kind: "about", hash: planHash([[title]]), name: "评议-说明" }).slice(1).replace(/"/g, "&quot;");
  return rawWorkbook({
    sheets: [
      { name: "党员名单", body: roster },
      { name: "评议-说明", body: ours },
    ],
    definedNames: `<definedName name="XianjiaoSheet" localSheetId="1" hidden="1">${marker}</definedName>`,
    parts: { "xl/calcChain.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${chain}</calcChain>` },
    overrides: { "/xl/calcChain.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml" },
    workbookRels: `<Relationship Id="rIdChain" Type="${R}/calcChain" Target="calcChain.xml"/>`,
  });
}

async function evaluate(bytes: Buffer, name: string): Promise<Map<string, Buffer>> {
  writeFileSync(tmp.file(`${name}.xlsx`), bytes);
  const run = await cli("evaluate", tmp.file(`${name}.xlsx`), "-o", tmp.file(`${name}-结果.xlsx`), "--today", "2025-03-25");
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
  await load(tmp.file(`${name}-结果.xlsx`));
  return unzip(readFileSync(tmp.file(`${name}-结果.xlsx`)));
}

describe("the calculation chain", () => {
  it("goes with a replaced sheet of ours that it names", async () => {
    const out = await evaluate(workbook('<c r="C2" i="1"/><c r="B2" i="2"/>'), "旧表有公式");
    expect(out.has("xl/calcChain.xml")).toBe(false);
    expect(out.get("xl/_rels/workbook.xml.rels")!.toString("utf8")).not.toContain("calcChain");
    expect(out.get("[Content_Types].xml")!.toString("utf8")).not.toContain("calcChain");
  });

  it("stays, byte for byte, when it names only the user's sheets", async () => {
    const bytes = workbook('<c r="C2" i="1"/>');
    const out = await evaluate(bytes, "旧表无公式");
    expect(out.get("xl/calcChain.xml")!.equals(unzip(bytes).get("xl/calcChain.xml")!)).toBe(true);
    expect(out.get("xl/_rels/workbook.xml.rels")!.toString("utf8")).toContain('Target="calcChain.xml"');
  });
});
