import { readFileSync } from "node:fs";
import { patchRow } from "../../../src/hosts/xlsx-package/row-patch";
import { cli, writeSample } from "../../cli/helpers";
import { unzip } from "../../files/zip";
import { makeTempDir } from "./helpers";

const start = '<row r="42" spans="1:1" x14ac:dyDescent="0.25">';
const inner = '<c r="A42" t="s"><v>107</v></c>';
const keepAll = { cells: [], drops: () => false };

describe("a patched row", () => {
  it("keeps its spans when the block leaves it as it was", () => {
    expect(patchRow(start, inner, "</row>", 41, keepAll, "")).toBe(`${start}${inner}</row>`);
  });

  it("drops spans once a cell comes or goes, since they no longer describe the row", () => {
    const added = patchRow(start, inner, "</row>", 41, { cells: [{ col: 14, text: "达标", style: null }], drops: () => false }, "");
    expect(added).toBe('<row r="42" x14ac:dyDescent="0.25"><c r="A42" t="s"><v>107</v></c><c r="O42" t="inlineStr"><is><t>达标</t></is></c></row>');
    const cleared = patchRow('<row r="5" spans="1:16">', '<c r="A5"><v>1</v></c><c r="P5" t="inlineStr"><is><t>旧</t></is></c>', "</row>", 4, { cells: [], drops: (col) => col === 15 }, "");
    expect(cleared).toBe('<row r="5"><c r="A5"><v>1</v></c></row>');
  });
});

describe("evaluate over its own output", () => {
  it("writes the sample's package again byte for byte (rows as exceljs saves them, with spans)", async () => {
    const tmp = makeTempDir();
    try {
      await writeSample(tmp.file("示例.xlsx"));
      const args = ["--today", "2026-12-01", "--batch-start", "2026-09-01"];
      expect((await cli("evaluate", tmp.file("示例.xlsx"), "-o", tmp.file("一次.xlsx"), ...args)).code).toBe(0);
      expect((await cli("evaluate", tmp.file("一次.xlsx"), "-o", tmp.file("两次.xlsx"), ...args)).code).toBe(0);
      const once = unzip(readFileSync(tmp.file("一次.xlsx")));
      const twice = unzip(readFileSync(tmp.file("两次.xlsx")));
      expect([...twice.keys()].sort()).toEqual([...once.keys()].sort());
      for (const [name, bytes] of once) expect([name, twice.get(name)!.equals(bytes)]).toEqual([name, true]);
    } finally {
      tmp.cleanup();
    }
  });
});
