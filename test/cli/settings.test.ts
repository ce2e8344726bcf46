import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { cli, load, tempDir, writeSample } from "./helpers";
import { typeIntoCell } from "./edit-package";

interface ReportMemberJson {
  name: string;
  row: number;
  grade: string;
  manual: boolean;
  computedGrade?: string;
  ref: string;
}
interface ReportJson {
  members: ReportMemberJson[];
  total: { grades: Record<string, number> };
}

let tmp: ReturnType<typeof tempDir>;
let sample: string;
const DATES = ["--today", "2025-03-25", "--batch-start", "2025-01-06"];
beforeAll(async () => {
  tmp = tempDir();
  sample = tmp.file("示例-先教评议.xlsx");
  await writeSample(sample);
});
afterAll(() => tmp.cleanup());

const report = (file: string): ReportJson => JSON.parse(readFileSync(file, "utf8"));

/** The column letter of a header on the roster's header row (row 3). */
function columnOf(ws: ExcelJS.Worksheet, header: string): string {
  let letter = "";
  ws.getRow(3).eachCell((cell) => {
    if (cell.value === header) letter = cell.address.replace(/\d+$/, "");
  });
  if (!letter) throw new Error(`no header ${header}`);
  return letter;
}

describe("evaluate keeps the secretary's own decisions", () => {
  let first: string;
  let firstReport: ReportJson;
  let edited: string;
  let member: ReportMemberJson;
  let gradeCell: string;

  beforeAll(async () => {
    first = tmp.file("第一次.xlsx");
    const run = await cli("evaluate", sample, "-o", first, "--report", tmp.file("第一次.json"), ...DATES);
    expect(run.code).toBe(0);
    firstReport = report(tmp.file("第一次.json"));
    member = firstReport.members.find((m) => m.grade === "合格" && m.name === "孔海燕") ?? firstReport.members.find((m) => m.grade === "合格")!;
    const roster = (await load(first)).getWorksheet("党员名单")!;
    gradeCell = `${columnOf(roster, "评议等次")}${member.row}`;
    expect(roster.getCell(gradeCell).value).toBe("合格");
    // the 支委会 reconsiders: the secretary types 不合格 over our 合格, in Excel
    edited = tmp.file("书记改过.xlsx");
    await typeIntoCell(first, edited, "党员名单", gradeCell, "不合格");
  });

  it("keeps the typed grade on a re-run, counts it, marks it, says so", async () => {
    const out = tmp.file("第二次.xlsx");
    const run = await cli("evaluate", edited, "-o", out, "--report", tmp.file("第二次.json"), ...DATES);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("人工认定 1 人");
    const again = report(tmp.file("第二次.json"));
    const kept = again.members.find((m) => m.ref === member.ref)!;
    expect(kept).toMatchObject({ grade: "不合格", manual: true, computedGrade: "合格" });
    expect(again.members.filter((m) => m.manual)).toHaveLength(1);
    expect(again.total.grades["不合格"]).toBe(firstReport.total.grades["不合格"] + 1);
    expect(again.total.grades["合格"]).toBe(firstReport.total.grades["合格"] - 1);
    const roster = (await load(out)).getWorksheet("党员名单")!;
    expect(roster.getCell(gradeCell).value).toBe("不合格");
    expect(String(roster.getCell(`${columnOf(roster, "问题说明")}${member.row}`).value)).toContain("人工认定：原评议为合格");

    // and once more: still the secretary's, still one
    const third = tmp.file("第三次.xlsx");
    const rerun = await cli("evaluate", out, "-o", third, "--report", tmp.file("第三次.json"), ...DATES);
    expect(rerun.code).toBe(0);
    expect(report(tmp.file("第三次.json")).members.find((m) => m.ref === member.ref)).toMatchObject({ grade: "不合格", manual: true });
  });

  it("--reset-manual returns everyone to the computed result", async () => {
    const out = tmp.file("恢复.xlsx");
    const run = await cli("evaluate", edited, "-o", out, "--report", tmp.file("恢复.json"), "--reset-manual", ...DATES);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain("人工认定");
    expect(report(tmp.file("恢复.json")).members.find((m) => m.ref === member.ref)).toMatchObject({ grade: "合格", manual: false });
    expect((await load(out)).getWorksheet("党员名单")!.getCell(gradeCell).value).toBe("合格");
  });

  it("--reset-member returns one member by ref; a ref nobody has is said", async () => {
    const out = tmp.file("恢复一人.xlsx");
    const run = await cli("evaluate", edited, "-o", out, "--report", tmp.file("恢复一人.json"), "--reset-member", member.ref, "--reset-member", "nosuchmember", ...DATES);
    expect(run.code).toBe(0);
    expect(report(tmp.file("恢复一人.json")).members.find((m) => m.ref === member.ref)).toMatchObject({ grade: "合格", manual: false });
    expect(run.stdout).toContain("未找到要恢复自动评议的成员：nosuchmember");
    expect(run.stdout).not.toContain(`：${member.ref}`);
  });
});

describe("evaluate --mapping", () => {
  let renamed: string;
  beforeAll(async () => {
    // the hours column headed in a way no reader could know
    const wb = await load(sample);
    wb.getWorksheet("党员名单")!.getCell("F3").value = "记录A";
    renamed = tmp.file("表头改过.xlsx");
    await wb.xlsx.writeFile(renamed);
  });

  const mapping = (name: string, value: unknown): string => {
    const file = tmp.file(name);
    writeFileSync(file, JSON.stringify(value));
    return file;
  };

  it("an unread hours column is said as a rule not applied; the mapping file turns it back on and the workbook remembers it", async () => {
    const off = await cli("evaluate", renamed, "-o", tmp.file("无映射.xlsx"), ...DATES);
    expect(off.code).toBe(0);
    expect(off.stdout).toMatch(/R1 学时：/);

    const mapped = tmp.file("有映射.xlsx");
    const on = await cli("evaluate", renamed, "-o", mapped, "--report", tmp.file("有映射.json"), "--mapping", mapping("列映射.json", { 党员名单: { 学时: "F" } }), ...DATES);
    expect(on.stderr).toBe("");
    expect(on.code).toBe(0);
    expect(on.stdout).not.toMatch(/R1 学时：/);
    // the same study figures as the original headed 学时
    const original = await cli("evaluate", sample, "-o", tmp.file("原表头.xlsx"), ...DATES);
    const study = /学习达标 \d+ 人（学时已录入 \d+ \/ 80）/;
    expect(on.stdout.match(study)![0]).toBe(original.stdout.match(study)![0]);

    // the next run of that output, without --mapping, uses the mapping the workbook keeps
    const again = await cli("evaluate", mapped, "-o", tmp.file("沿用映射.xlsx"), ...DATES);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("列映射：沿用工作簿中保存的列映射（“党员名单”）");
    expect(again.stdout).not.toMatch(/R1 学时：/);
  });

  it("a field named by its key, a column in lower case, null to say a column is absent", async () => {
    const run = await cli("evaluate", renamed, "-o", tmp.file("键名.xlsx"), "--mapping", mapping("键名.json", { 党员名单: { studyHours: "f", 身份证号: null } }), ...DATES);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/R1 学时：/);
  });

  it.each([
    [{ 党员名单: { 学识: "F" } }, "不认识字段“学识”"],
    [{ 党员名单: { 学时: "第六列" } }, "字段“学时”的列“第六列”不是列字母"],
    [{ 党员名单: { 学时: 5 } }, "不是列字母"],
    [{ 党员名单: { 学时: "F", 满意度: "F" } }, "列 F 同时对应“学时”和“满意度”"],
    [["党员名单"], "应为一个对象"],
  ])("refuses a mistaken mapping with a sentence and writes nothing: %j", async (value, said) => {
    const out = tmp.file("错映射.xlsx");
    const run = await cli("evaluate", renamed, "-o", out, "--mapping", mapping("错.json", value), ...DATES);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("列映射文件“错.json”有误");
    expect(run.stderr).toContain(said);
    expect(existsSync(out)).toBe(false);
  });

  it("refuses a mapping of a sheet the workbook does not have, and a file that is not JSON", async () => {
    const out = tmp.file("错表名.xlsx");
    const run = await cli("evaluate", renamed, "-o", out, "--mapping", mapping("表名.json", { 党员名册: { 学时: "F" } }), ...DATES);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("工作表“党员名册”在“表头改过.xlsx”中不存在");
    expect(existsSync(out)).toBe(false);

    const broken = tmp.file("坏.json");
    writeFileSync(broken, '{"党员名单": {"学时": "F",}}');
    const bad = await cli("evaluate", renamed, "-o", out, "--mapping", broken, ...DATES);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/列映射文件“坏.json”无法读取或不是有效的 JSON（第 1 行第 \d+ 列附近 JSON 格式有误）/);
    expect(readdirSync(tmp.dir).filter((name) => name.includes(".tmp"))).toEqual([]);
  });
});

describe("evaluate uses the rule settings the workbook keeps", () => {
  it("a workbook evaluated with a unit's rules is re-run with them unless --rules says otherwise", async () => {
    const rules = tmp.file("规则.json");
    writeFileSync(rules, JSON.stringify({ study: { minHours: 60 } }));
    const first = tmp.file("本单位规则.xlsx");
    const run = await cli("evaluate", sample, "-o", first, "--rules", rules, "--report", tmp.file("本单位规则.json"), ...DATES);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain("沿用工作簿中保存的设置");

    const again = await cli("evaluate", first, "-o", tmp.file("再评.xlsx"), "--report", tmp.file("再评.json"), ...DATES);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("规则设置：沿用工作簿中保存的设置（上次评议 2025-03-25）");
    expect(again.stdout.match(/学习达标 \d+ 人/)![0]).toBe(run.stdout.match(/学习达标 \d+ 人/)![0]);

    const defaults = await cli("evaluate", sample, "-o", tmp.file("默认.xlsx"), ...DATES);
    expect(defaults.stdout.match(/学习达标 \d+ 人/)![0]).not.toBe(run.stdout.match(/学习达标 \d+ 人/)![0]);
    expect(defaults.stdout).not.toContain("沿用");
  });
});
