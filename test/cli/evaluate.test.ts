import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { DEFAULT_RULES, RESULT_HEADERS, SHEET_NAMES } from "../../src/engine";
import { cellValues, cli, existsSync, load, noStrayFiles, sha256, tempDir, writeSample } from "./helpers";

let tmp: ReturnType<typeof tempDir>;
let sample: string;
beforeAll(async () => {
  tmp = tempDir();
  sample = tmp.file("示例-先教评议.xlsx");
  await writeSample(sample);
});
afterAll(() => tmp.cleanup());

describe("xianjiao evaluate", () => {
  it("writes OUT with the user's cells unchanged plus results, and never writes IN", async () => {
    const before = sha256(sample);
    const out = tmp.file("结果.xlsx");
    const run = await cli("evaluate", sample, "-o", out, "--today", "2025-03-25", "--batch-start", "2025-01-06");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(sha256(sample)).toBe(before);
    // no --unit: the unit the roster names above its table (填报单位：XX县直机关工委（第一批）)
    expect(run.stdout).toContain("已评议“XX县直机关工委”");
    expect(run.stdout).toMatch(/党员 80 人（正式 76，预备 4），7 个支部/);
    expect(run.stdout).toMatch(/数据问题 \d+ 条/);
    expect(run.stdout).toContain("R16 纪律处分：没有识别到“违纪”列，表中也没有相近的表头");

    const input = await load(sample);
    const output = await load(out);
    for (const ws of input.worksheets) {
      const after = output.getWorksheet(ws.name)!;
      const original = cellValues(ws);
      const now = cellValues(after);
      for (const [addr, value] of original) expect([ws.name, addr, now.get(addr)]).toEqual([ws.name, addr, value]);
      // every cell that is new in a user sheet belongs to the marked result block
      const resultColumns = new Set<string>();
      after.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === "string" && Number(cell.row) === 3 && (RESULT_HEADERS as readonly string[]).includes(cell.value)) resultColumns.add(cell.address.replace(/\d+$/, ""));
        }),
      );
      for (const addr of now.keys()) {
        if (!original.has(addr)) expect([ws.name, addr, resultColumns.has(addr.replace(/\d+$/, ""))]).toEqual([ws.name, addr, true]);
      }
    }
    const roster = output.getWorksheet("党员名单")!;
    const headers = (roster.getRow(3).values as unknown[]).filter((v) => typeof v === "string");
    expect(headers.slice(-6)).toEqual(["学习情况", "满意度", "书面申请", "评议等次", "处置建议", "问题说明"]);
    expect(output.worksheets.map((ws) => ws.name)).toEqual([
      "党员名单",
      "满意度测评",
      "民主评议表决",
      "单位测评（回头看）",
      SHEET_NAMES.branches,
      SHEET_NAMES.stages,
      SHEET_NAMES.issues,
      SHEET_NAMES.unitSurvey,
      SHEET_NAMES.register,
      SHEET_NAMES.about,
      SHEET_NAMES.technical,
      "评议-记录",
    ]);
    expect(output.getWorksheet("评议-记录")!.state).toBe("veryHidden");
    noStrayFiles(tmp.dir, ["示例-先教评议.xlsx", "结果.xlsx"]);
  });

  it("a second run over OUT produces the same cells", async () => {
    const out = tmp.file("一次.xlsx");
    const again = tmp.file("两次.xlsx");
    const args = ["--today", "2025-03-25", "--unit", "县直机关工委"];
    expect((await cli("evaluate", sample, "-o", out, ...args)).code).toBe(0);
    expect((await cli("evaluate", out, "-o", again, ...args)).code).toBe(0);
    const first = await load(out);
    const second = await load(again);
    expect(second.worksheets.map((ws) => ws.name)).toEqual(first.worksheets.map((ws) => ws.name));
    for (const ws of first.worksheets) expect([ws.name, cellValues(second.getWorksheet(ws.name)!)]).toEqual([ws.name, cellValues(ws)]);
  });

  it("--report writes the JSON report; the unit, scheme and clock options are applied", async () => {
    const out = tmp.file("报告.xlsx");
    const report = tmp.file("明细.json");
    const run = await cli("evaluate", sample, "-o", out, "--report", report, "--scheme", "四阶段", "--unit", "县直机关工委");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("明细.json");
    const json = JSON.parse(readFileSync(report, "utf8"));
    expect(Object.keys(json).sort()).toEqual(
      ["branches", "fingerprint", "hasMemberTable", "issues", "members", "rulesOff", "stages", "today", "total", "unitName", "unitSurveys"].sort(),
    );
    expect(json.unitName).toBe("县直机关工委");
    expect(json.today).toBe("2025-03-25"); // from the clock the CLI was given
    expect(json.members).toHaveLength(80);
    expect(json.members[0]).toMatchObject({ sheet: "党员名单", row: 4, branch: "机关第一党支部" });
    expect(json.stages.map((s: { name: string }) => s.name)).toHaveLength(4);
    const codes = json.issues.map((i: { code: string }) => i.code);
    expect(codes).toEqual(expect.arrayContaining(["NOT_A_NUMBER", "BRANCH_BLANK", "ID_PRECISION_LOST", "ORPHAN_ROW", "AMBIGUOUS_NAME"]));
    const hours = json.issues.find((i: { code: string }) => i.code === "NOT_A_NUMBER");
    expect(hours).toMatchObject({ sheet: "党员名单", cell: "F25" });
    expect(hours.message).toContain("四十");
    expect(json.unitSurveys.find((u: { unit: string }) => u.unit === "县住建局").needsRemedial).toBe(true);
  });

  it("applies a unit's rule file", async () => {
    const rules = tmp.file("规则.json");
    writeFileSync(rules, JSON.stringify({ study: { minHours: 60 }, unitName: "县财政局机关" }));
    const report = tmp.file("规则明细.json");
    const run = await cli("evaluate", sample, "-o", tmp.file("规则结果.xlsx"), "--rules", rules, "--report", report);
    expect(run.code).toBe(0);
    const json = JSON.parse(readFileSync(report, "utf8"));
    expect(json.unitName).toBe("县财政局机关");
    const defaults = JSON.parse(readFileSync(tmp.file("明细.json"), "utf8"));
    expect(json.fingerprint).not.toBe(defaults.fingerprint);
    expect(json.total.studyCompliant).toBeLessThan(defaults.total.studyCompliant);
  });
});

describe("xianjiao evaluate refuses bad input with exit 2, one Chinese sentence and no output file", () => {
  async function refuses(args: string[], message: RegExp, outName = "不应生成.xlsx"): Promise<void> {
    const out = tmp.file(outName);
    const before = new Set(readdirSync(tmp.dir));
    const run = await cli("evaluate", ...args, "-o", out);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(existsSync(out)).toBe(before.has(outName));
    expect(new Set(readdirSync(tmp.dir))).toEqual(before);
  }

  it("OUT equal to IN", async () => {
    const copy = tmp.file("原表.xlsx");
    copyFileSync(sample, copy);
    const hash = sha256(copy);
    await refuses([copy], /与输入文件相同/, "原表.xlsx");
    expect(sha256(copy)).toBe(hash);
  });

  it("a missing file", () => refuses([tmp.file("没有.xlsx")], /找不到文件“没有.xlsx”/));

  it("an empty file", async () => {
    writeFileSync(tmp.file("空.xlsx"), "");
    await refuses([tmp.file("空.xlsx")], /空文件/);
  });

  it("a CSV renamed .xlsx", async () => {
    writeFileSync(tmp.file("名单.xlsx"), "序号,姓名,所在支部\n1,王建国,机关第一党支部\n");
    await refuses([tmp.file("名单.xlsx")], /不是 \.xlsx 工作簿.*另存为 \.xlsx 后重试/);
  });

  it("a truncated workbook", async () => {
    const bytes = readFileSync(sample);
    writeFileSync(tmp.file("半截.xlsx"), bytes.subarray(0, bytes.length - 4000));
    await refuses([tmp.file("半截.xlsx")], /不完整或已损坏/);
  });

  it("an encrypted workbook or old .xls", async () => {
    const ole = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    writeFileSync(tmp.file("加密.xlsx"), ole);
    await refuses([tmp.file("加密.xlsx")], /旧版 Excel（\.xls）.*密码/);
  });

  it("a workbook without a member table", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("会议记录");
    ws.getCell("A1").value = "支部委员会会议记录";
    ws.getCell("A2").value = "时间";
    ws.getCell("B2").value = "2025年3月1日";
    await wb.xlsx.writeFile(tmp.file("会议记录.xlsx"));
    await refuses([tmp.file("会议记录.xlsx")], /没有找到党员名单表/);
  });

  it("a rule file that is not JSON, and one with a bad value", async () => {
    writeFileSync(tmp.file("坏规则.json"), "{ study: 50 ");
    await refuses([sample, "--rules", tmp.file("坏规则.json")], /规则文件“坏规则.json”无法读取或不是有效的 JSON/);
    writeFileSync(tmp.file("错规则.json"), JSON.stringify({ study: { minHours: "五十" } }));
    await refuses([sample, "--rules", tmp.file("错规则.json")], /规则文件“错规则.json”有误：.*study\.minHours/);
  });

  it("a bad date or scheme", async () => {
    await refuses([sample, "--today", "2025-02-30"], /--today 的日期“2025-02-30”无效/);
    await refuses([sample, "--batch-start", "明年"], /--batch-start 的日期“明年”无效/);
    await refuses([sample, "--scheme", "五阶段"], /阶段方案“五阶段”无效/);
  });
});

describe("xianjiao rules --print", () => {
  it("prints the default rule set as pretty JSON", async () => {
    const run = await cli("rules", "--print");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(DEFAULT_RULES)));
    expect(run.stdout).toContain('\n  "study": {');
    expect(run.stdout).toContain("学习动员");
    expect(JSON.parse(run.stdout).batches).toEqual({ 第一批: null, 第二批: null, 第三批: null });
  });
});

describe("xianjiao evaluate on a ledger with 批次 and 公示情况", () => {
  let ledger: string;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("党员名单");
    ws.getCell("A1").value = "城关镇党委党员评议台账";
    ws.mergeCells("A1:H1");
    ws.getRow(2).values = ["姓名", "所在支部", "批次", "学时", "书面申请", "支部建议等次", "上级审批", "公示日期"];
    const rows: (string | number | Date | null)[][] = [
      ["张伟", "机关党支部", "第一批", 52, "是", "合格", "同意", new Date(Date.UTC(2026, 4, 8))],
      ["王芳", "机关党支部", "第一批", null, "是", "合格", "同意", null],
      ["李娜", "社区党支部", "第二批", 60, "是", "优秀", "同意", "未公示"],
      ["赵磊", "社区党支部", "二批", 50, null, "合格", null, null],
    ];
    rows.forEach((r, i) => (ws.getRow(3 + i).values = r));
    ledger = tmp.file("城关镇台账.xlsx");
    await wb.xlsx.writeFile(ledger);
  });

  it("says what is 待公示 and how many of how many are entered; the report has each batch's stages", async () => {
    const out = tmp.file("城关镇-结果.xlsx");
    const report = tmp.file("城关镇.json");
    const rules = tmp.file("批次.json");
    writeFileSync(rules, JSON.stringify({ batches: { 第二批: "2026-08-01" } }));
    const run = await cli("evaluate", ledger, "-o", out, "--today", "2026-08-20", "--batch-start", "2026-01-01", "--rules", rules, "--report", report);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("待审批 1，待公示 2");
    expect(run.stdout).toContain("学习达标 3 人（学时已录入 3 / 4）");
    expect(run.stdout).toContain("未提交书面申请 0 人（书面申请已录入 3 / 4）");
    expect(run.stdout).toMatch(/数据问题 4 条（其中未录入的单元格 4 条）/);
    const json = JSON.parse(readFileSync(report, "utf8"));
    expect(json.stages.map((s: { batch: string; name: string; start: string }) => `${s.batch} ${s.name} ${s.start}`)).toEqual([
      "第一批 学习动员 2026-01-01",
      "第一批 分析评议 2026-02-15",
      "第一批 整改提高 2026-03-17",
      "第二批 学习动员 2026-08-01",
      "第二批 分析评议 2026-09-15",
      "第二批 整改提高 2026-10-15",
    ]);
    expect(json.members.map((m: { name: string; batch: string; pendingPublicity: boolean }) => [m.name, m.batch, m.pendingPublicity])).toEqual([
      ["张伟", "第一批", false],
      ["王芳", "第一批", true],
      ["李娜", "第二批", true],
      ["赵磊", "第二批", false],
    ]);
    const issues = (await load(out)).getWorksheet(SHEET_NAMES.issues)!;
    expect([3, 4, 5, 6].map((r) => `${issues.getCell(r, 2).value}!${issues.getCell(r, 3).value}`)).toEqual(["党员名单!D4", "党员名单!E6", "党员名单!G6", "党员名单!H4"]);
  });

  it("a rule file's bad batch date is named by its path", async () => {
    const rules = tmp.file("坏批次.json");
    writeFileSync(rules, JSON.stringify({ batches: { 第二批: "2026年8月" } }));
    const run = await cli("evaluate", ledger, "-o", tmp.file("不应写出.xlsx"), "--rules", rules);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("batches.第二批：应为 YYYY-MM-DD 格式的日期");
    expect(existsSync(tmp.file("不应写出.xlsx"))).toBe(false);
  });
});
