import { spawnSync } from "node:child_process";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { crc32, readZip, writeZip } from "../../../src/hosts/zip/package-zip";
import { cli, tempDir, writeSample } from "../../cli/helpers";

/**
 * Charts added to packages exceljs wrote (the exported summary, the consolidation), read back
 * by Python's zipfile and openpyxl, which find the chart where evaluate's own output has it.
 */

function python(script: string, ...args: string[]): string {
  const done = spawnSync("/usr/bin/python3", ["-c", script, ...args], { encoding: "utf8" });
  if (done.status !== 0) throw new Error(done.stderr);
  return done.stdout.trim();
}

const CHARTS = `
import sys, zipfile, json, openpyxl
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps({ws.title: len(ws._charts) for ws in wb.worksheets}, ensure_ascii=False))
`;

describe("the package zip", () => {
  test("entries round-trip stored and deflated, Chinese names included, CRC as zlib computes it", async () => {
    const entries = new Map<string, Uint8Array>([
      ["[Content_Types].xml", new TextEncoder().encode("<Types/>".repeat(50))],
      ["xl/工作表.xml", new TextEncoder().encode("汇总")],
      ["empty", new Uint8Array()],
    ]);
    for (const deflate of [undefined, async (b: Uint8Array) => new Uint8Array(deflateRawSync(b))]) {
      const bytes = await writeZip(entries, deflate);
      const back = await readZip(bytes, async (b) => new Uint8Array(inflateRawSync(b)));
      expect([...back.keys()]).toEqual([...entries.keys()]);
      for (const [name, data] of entries) expect(Buffer.from(back.get(name)!).equals(Buffer.from(data))).toBe(true);
    }
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });
});

describe("charts in the command line's summaries", () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(async () => {
    tmp = tempDir();
    await writeSample(tmp.file("示例.xlsx"));
    expect((await cli("evaluate", tmp.file("示例.xlsx"), "-o", tmp.file("结果.xlsx"), "--unit", "甲单位")).code).toBe(0);
    expect((await cli("export", tmp.file("结果.xlsx"), "-o", tmp.file("汇总.xlsx"))).code).toBe(0);
    expect((await cli("consolidate", tmp.file("汇总.xlsx"), "-o", tmp.file("合并.xlsx"), "--unit", "县委组织部")).code).toBe(0);
  });
  afterAll(() => tmp.cleanup());

  test("the export's branch summary has evaluate's chart, and no other sheet has one", () => {
    expect(JSON.parse(python(CHARTS, tmp.file("汇总.xlsx")))).toEqual({ "评议-支部汇总": 1, "评议-阶段汇总": 0, "评议-单位测评": 0, "评议-说明": 0, "评议-技术信息": 0 });
    expect(JSON.parse(python(CHARTS, tmp.file("结果.xlsx")))["评议-支部汇总"]).toBe(1);
  });

  test("the consolidation's per-unit sheet has its chart", () => {
    const charts = JSON.parse(python(CHARTS, tmp.file("合并.xlsx")));
    expect(charts["评议-单位汇总"]).toBe(1);
  });
});
