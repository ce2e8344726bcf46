import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { cli, load, tempDir } from "../cli/helpers";

/**
 * Who is who, end to end on .xlsx files: an 18-digit ID stored as a number has lost digits and
 * is flagged; names typed with spaces or full-width letters still find their member; the same
 * person twice is reported, never merged; a name that could be two people gets nobody's values.
 */

interface Report {
  members: { name: string; row: number; memberId: string | null; branch: string }[];
  issues: { code: string; sheet: string; cell: string; message: string }[];
}

let tmp: ReturnType<typeof tempDir>;
let report: Report;
let roster: ExcelJS.Worksheet;
beforeAll(async () => {
  tmp = tempDir();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("党员名单");
  ws.getCell("A1").value = "机关党委党员名册";
  ws.getRow(2).values = ["姓名", "公民身份号码", "所在支部", "学时"];
  const rows: [string, string | number | null, string, number][] = [
    ["王建国", Number("110101199003071234"), "机关第一党支部", 52], // row 3: typed as a number, Excel kept 15 digits
    ["王　伟", "110101198805051236", "机关第一党支部", 48], // row 4: an ideographic space inside
    [" 李秀英 ", "11010119900101123X", "机关第二党支部", 60], // row 5
    ["Ｌｉ　Ｍｉｎｇ", null, "机关第二党支部", 55], // row 6: full-width letters
    ["张伟", null, "机关第一党支部", 40], // row 7
    ["张伟", null, "机关第一党支部", 44], // row 8: the same person again
    ["王芳", null, "机关第一党支部", 50], // row 9
    ["王芳", null, "机关第二党支部", 51], // row 10: another 王芳
  ];
  rows.forEach((r, i) => (ws.getRow(3 + i).values = r));
  const survey = wb.addWorksheet("满意度测评");
  survey.getRow(1).values = ["姓名", "测评满意度"];
  const scores: [string, number][] = [
    ["王伟", 91], // row 2
    ["李秀英", 65], // row 3
    ["Li Ming", 88], // row 4
    ["王芳", 77], // row 5: which one?
    ["李秀英", 99], // row 6: twice
    ["王 建 国", 86], // row 7
  ];
  scores.forEach((r, i) => (survey.getRow(2 + i).values = r));
  const input = tmp.file("名册.xlsx");
  await wb.xlsx.writeFile(input);
  const out = tmp.file("名册-结果.xlsx");
  const json = tmp.file("明细.json");
  const run = await cli("evaluate", input, "-o", out, "--report", json, "--today", "2025-03-25");
  expect(run.code).toBe(0);
  report = JSON.parse(readFileSync(json, "utf8"));
  roster = (await load(out)).getWorksheet("党员名单")!;
});
afterAll(() => tmp.cleanup());

/** The result block's 满意度 cell on a roster row. */
function satisfaction(row: number): unknown {
  const header = roster.getRow(2);
  let col = 0;
  header.eachCell((cell, c) => {
    if (cell.value === "满意度") col = c;
  });
  return roster.getRow(row).getCell(col).value;
}

const issuesAt = (sheet: string, cell: string) => report.issues.filter((i) => i.sheet === sheet && i.cell === cell).map((i) => i.code);

describe("member identity on real files", () => {
  it("flags an 18-digit ID stored as a number, and keeps the member", () => {
    expect(issuesAt("党员名单", "B3")).toEqual(["ID_PRECISION_LOST"]);
    expect(report.issues.find((i) => i.cell === "B3")!.message).toMatch(/王建国/);
    expect(report.members.find((m) => m.row === 3)!.name).toBe("王建国");
    // text IDs are read as written, the X check digit included
    expect(report.members.find((m) => m.row === 5)!.memberId).toBe("11010119900101123X");
    expect(issuesAt("党员名单", "B4")).toEqual([]);
  });

  it("trims and width-normalises names, so the survey finds 王伟, 李秀英, Li Ming and 王建国", () => {
    expect(report.members.map((m) => m.name)).toEqual(["王建国", "王伟", "李秀英", "Li Ming", "张伟", "王芳", "王芳"]);
    expect(satisfaction(4)).toBe("91");
    expect(satisfaction(5)).toBe("低于70：65");
    expect(satisfaction(6)).toBe("88");
    expect(satisfaction(3)).toBe("86");
  });

  it("reports the same person twice and never merges the second row", () => {
    expect(issuesAt("党员名单", "A8")).toEqual(["DUPLICATE_MEMBER"]);
    expect(report.members.filter((m) => m.name === "张伟").map((m) => m.row)).toEqual([7]);
    expect(satisfaction(8) ?? "").toBe("");
    // a second survey row for 李秀英: reported, the first value kept
    expect(issuesAt("满意度测评", "A6")).toEqual(["DUPLICATE_MEMBER"]);
    expect(satisfaction(5)).toBe("低于70：65");
  });

  it("gives a name that could be two people to neither", () => {
    expect(issuesAt("满意度测评", "A5")).toEqual(["AMBIGUOUS_NAME_NO_BRANCH"]);
    expect(satisfaction(9)).toBe("未录入");
    expect(satisfaction(10)).toBe("未录入");
  });
});
