import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { ABOUT_KEYS, BRANCH_COLUMNS, SHEET_MARK, SHEET_NAMES, TOTAL_LABEL } from "../../src/engine";
import { cellValues, cli, existsSync, load, tempDir, writeSample } from "./helpers";

let tmp: ReturnType<typeof tempDir>;
let evaluated: string; // the sample, evaluated as unit 县直机关工委
let summaryA: string;
let summaryB: string;
let reportA: { total: Record<string, number>; members: { name: string; memberId: string | null }[] };
let reportB: { total: Record<string, number> };

/** A second, smaller unit as its secretary keeps it. */
async function smallUnit(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("名单");
  ws.getCell("A1").value = "县财政局机关党员评议登记表";
  ws.mergeCells("A1:F1");
  ws.getRow(2).values = ["姓名", "党支部", "学习学时", "集中培训天数", "测评满意度", "是否提交书面申请"];
  const rows: [string, string, number | null, number, number | null, string][] = [
    ["周立新", "财政局第一党支部", 52, 3, 88, "是"],
    ["吴雪梅", "财政局第一党支部", 45, 3, 65, "是"],
    ["郑振华", "财政局第一党支部", 60, 4, 92, "否"],
    ["冯爱民", "财政局第二党支部", 70, 5, null, "是"],
    ["陈桂芳", "财政局第二党支部", null, 3, 75, "是"],
  ];
  rows.forEach((r, i) => (ws.getRow(3 + i).values = r));
  await wb.xlsx.writeFile(file);
}

beforeAll(async () => {
  tmp = tempDir();
  const sample = tmp.file("示例.xlsx");
  await writeSample(sample);
  evaluated = tmp.file("县直机关工委-结果.xlsx");
  let run = await cli("evaluate", sample, "-o", evaluated, "--unit", "县直机关工委", "--report", tmp.file("a.json"));
  expect(run.code).toBe(0);
  await smallUnit(tmp.file("财政局.xlsx"));
  run = await cli("evaluate", tmp.file("财政局.xlsx"), "-o", tmp.file("财政局-结果.xlsx"), "--unit", "县财政局", "--report", tmp.file("b.json"));
  expect(run.code).toBe(0);
  reportA = JSON.parse(readFileSync(tmp.file("a.json"), "utf8"));
  reportB = JSON.parse(readFileSync(tmp.file("b.json"), "utf8"));
  summaryA = tmp.file("汇总-县直机关工委.xlsx");
  summaryB = tmp.file("汇总-县财政局.xlsx");
  expect((await cli("export", evaluated, "-o", summaryA)).code).toBe(0);
  expect((await cli("export", tmp.file("财政局-结果.xlsx"), "-o", summaryB)).code).toBe(0);
});
afterAll(() => tmp.cleanup());

function allText(wb: ExcelJS.Workbook): string {
  return wb.worksheets.map((ws) => [...cellValues(ws).values()].join("\n")).join("\n");
}

describe("xianjiao export", () => {
  it("exports the summaries alone: no member names, no ID numbers, same cells as in OUT", async () => {
    const summary = await load(summaryA);
    expect(summary.worksheets.map((ws) => ws.name)).toEqual([SHEET_NAMES.branches, SHEET_NAMES.stages, SHEET_NAMES.unitSurvey, SHEET_NAMES.about, SHEET_NAMES.technical]);
    // the technical keys travel hidden; the register (names) never leaves the unit
    const technical = summary.getWorksheet(SHEET_NAMES.technical)!;
    expect(technical.state).toBe("hidden");
    expect(technical.getCell("A2").value).toBe(ABOUT_KEYS.format);
    expect(technical.getCell("B3").value).toBe("县直机关工委");
    expect(String(summary.getWorksheet(SHEET_NAMES.branches)!.getCell("A1").value)).toMatch(/^县直机关工委党员评议支部汇总表（\d{4}年\d{1,2}月\d{1,2}日）$/);
    const text = allText(summary);
    for (const m of reportA.members) expect([m.name, text.includes(`"${m.name}"`)]).toEqual([m.name, false]);
    expect(text).not.toMatch(/(?<![\d.])\d{15,18}(?![\d.])/);
    const source = await load(evaluated);
    expect(cellValues(summary.getWorksheet(SHEET_NAMES.branches)!)).toEqual(cellValues(source.getWorksheet(SHEET_NAMES.branches)!));
    expect(summary.getWorksheet(SHEET_NAMES.branches)!.getCell("G3").numFmt).toBe("0.0%");
    // printed for the level above: 24 columns on A4 landscape, one page wide, title and header on every page, numbered
    const branches = summary.getWorksheet(SHEET_NAMES.branches)!;
    expect(branches.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, printTitlesRow: "1:2" });
    expect(branches.headerFooter.oddFooter).toBe("&C第 &P 页 共 &N 页");
  });

  it("--with-issues adds the issues sheet with ID numbers masked", async () => {
    const out = tmp.file("带问题.xlsx");
    const run = await cli("export", evaluated, "-o", out, "--with-issues");
    expect(run.code).toBe(0);
    const wb = await load(out);
    const issues = wb.getWorksheet(SHEET_NAMES.issues)!;
    const text = [...cellValues(issues).values()].join("\n");
    expect(text).toContain("四十");
    expect(text).toContain("证件号已隐去");
    expect(allText(wb)).not.toMatch(/(?<![\d.])\d{15,18}(?![\d.])/);
  });

  it("an OUT that was never evaluated is refused", async () => {
    const raw = tmp.file("未评议.xlsx");
    await writeSample(raw);
    const out = tmp.file("不应导出.xlsx");
    const run = await cli("export", raw, "-o", out);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/还没有评议结果.*请先运行 evaluate/);
    expect(existsSync(out)).toBe(false);
  });
});

describe("xianjiao consolidate", () => {
  const unitRow = (ws: ExcelJS.Worksheet, unit: string): Record<string, unknown> => {
    const headers = ws.getRow(2).values as unknown[];
    for (let r = 3; r <= ws.rowCount; r++) {
      if (ws.getCell(r, 1).value !== unit) continue;
      const row: Record<string, unknown> = {};
      headers.forEach((h, c) => (row[String(h)] = ws.getCell(r, c).value));
      return row;
    }
    throw new Error(`no row ${unit}`);
  };

  it("adds two units up: a row each and a 合计 with re-weighted averages", async () => {
    const out = tmp.file("全县.xlsx");
    const run = await cli("consolidate", summaryA, summaryB, "-o", out, "--unit", "XX县委组织部");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("已合并 2 个单位");
    const wb = await load(out);
    const ws = wb.getWorksheet("评议-单位汇总")!;
    expect(ws.getCell("A1").value).toBe("XX县委组织部各单位党员评议汇总表（2 个单位，2025年3月25日）");
    expect(ws.getRow(2).values).toEqual([undefined, "单位", ...BRANCH_COLUMNS.slice(1)]);
    const a = unitRow(ws, "县直机关工委");
    const b = unitRow(ws, "县财政局");
    const all = unitRow(ws, TOTAL_LABEL);
    expect(a["党员数"]).toBe(reportA.total.members);
    expect(b["党员数"]).toBe(reportB.total.members);
    expect(all["党员数"]).toBe(reportA.total.members + reportB.total.members);
    expect(all["学时已录入"]).toBe(`${reportA.total.studyEntered + reportB.total.studyEntered} / ${reportA.total.members + reportB.total.members}`);
    expect(a["书面申请已录入"]).toBe(`${reportA.total.applicationEntered} / ${reportA.total.members}`);
    expect(all["待公示"]).toBe(reportA.total.pendingPublicity + reportB.total.pendingPublicity);
    const hours = reportA.total.hoursTotal + reportB.total.hoursTotal;
    expect(all["平均学时"]).toBeCloseTo(hours / (reportA.total.studyEntered + reportB.total.studyEntered), 6);
    const satisfaction = reportA.total.satisfactionTotal + reportB.total.satisfactionTotal;
    expect(all["平均满意度"]).toBeCloseTo(satisfaction / (reportA.total.satisfactionEntered + reportB.total.satisfactionEntered), 6);
    expect(all["学习达标率"]).toBeCloseTo(
      (reportA.total.studyCompliant + reportB.total.studyCompliant) / (reportA.total.studyEntered + reportB.total.studyEntered),
      9,
    );
    expect(ws.getCell(`G${ws.rowCount}`).numFmt).toBe("0.0%");
    const branches = wb.getWorksheet("评议-各单位支部")!;
    const units = [...cellValues(branches).entries()].filter(([addr]) => /^A\d+$/.test(addr) && addr !== "A1" && addr !== "A2");
    expect(new Set(units.map(([, v]) => JSON.parse(v)))).toEqual(new Set(["县直机关工委", "县财政局"]));
    const about = wb.getWorksheet("评议-汇总说明")!;
    expect(about.getCell("B2").value).toBe("XX县委组织部");
    expect(about.getCell("A7").value).toBe("汇总-县直机关工委.xlsx");
    expect(wb.getWorksheet("评议-汇总技术信息")!.state).toBe("hidden");
    expect(wb.worksheets.map((s) => s.name)).toEqual(["评议-单位汇总", "评议-各单位支部", "评议-汇总说明", "评议-汇总技术信息"]);
  });

  it("reads a summary of the first format: the keys on 评议-说明, titles with the product's name, no technical sheet", async () => {
    // 县财政局's summary as format /1 wrote it
    const old = await load(summaryB);
    const technical = old.getWorksheet(SHEET_NAMES.technical)!;
    const about = old.getWorksheet(SHEET_NAMES.about)!;
    const keys: [string, unknown][] = [];
    technical.eachRow((row, r) => r > 1 && keys.push([String(row.getCell(1).value), row.getCell(2).value]));
    old.removeWorksheet(technical.id);
    old.removeWorksheet(about.id);
    const first = old.addWorksheet(SHEET_NAMES.about);
    first.getCell("A1").value = `${SHEET_MARK} · 说明 · 县财政局（2025-03-25）`;
    keys.forEach(([key, value], i) => {
      first.getCell(i + 2, 1).value = key;
      first.getCell(i + 2, 2).value = key === ABOUT_KEYS.format ? "xianjiao-summary/1" : (value as string);
    });
    for (const ws of old.worksheets) if (ws !== first) ws.getCell("A1").value = `${SHEET_MARK} · ${ws.name.slice(3)} · 县财政局（2025-03-25）`;
    const olderFile = tmp.file("汇总-县财政局-第一版.xlsx");
    await old.xlsx.writeFile(olderFile);

    const out = tmp.file("第一版合并.xlsx");
    const run = await cli("consolidate", summaryA, olderFile, "-o", out);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const merged = (await load(out)).getWorksheet("评议-单位汇总")!;
    expect(unitRow(merged, "县财政局")["党员数"]).toBe(reportB.total.members);
    expect(unitRow(merged, TOTAL_LABEL)["党员数"]).toBe(reportA.total.members + reportB.total.members);
  });

  it("reads a summary written before the 已录入 n / N, 书面申请已录入 and 待公示 columns", async () => {
    // 县财政局's summary as the earlier format wrote it: bare counts, two columns fewer
    const old = await load(summaryB);
    const ws = old.getWorksheet(SHEET_NAMES.branches)!;
    const headers = () => (ws.getRow(2).values as unknown[]).map(String);
    for (const column of ["待公示", "书面申请已录入"]) ws.spliceColumns(headers().indexOf(column), 1);
    for (const column of ["学时已录入", "满意度已录入"]) {
      const c = headers().indexOf(column);
      for (let r = 3; r <= ws.rowCount; r++) {
        const cell = ws.getCell(r, c);
        if (typeof cell.value === "string") cell.value = Number(cell.value.split(" / ")[0]);
      }
    }
    const olderFile = tmp.file("汇总-县财政局-旧版.xlsx");
    await old.xlsx.writeFile(olderFile);

    const out = tmp.file("新旧合并.xlsx");
    const run = await cli("consolidate", summaryA, olderFile, "-o", out);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const merged = (await load(out)).getWorksheet("评议-单位汇总")!;
    const b = unitRow(merged, "县财政局");
    const all = unitRow(merged, TOTAL_LABEL);
    // an older bare count reads as n of the unit's members
    expect(b["学时已录入"]).toBe(`${reportB.total.studyEntered} / ${reportB.total.members}`);
    expect(all["学时已录入"]).toBe(`${reportA.total.studyEntered + reportB.total.studyEntered} / ${reportA.total.members + reportB.total.members}`);
    // a column the older file lacks: what the newer one says, over its own members
    expect(b["书面申请已录入"]).toBeNull();
    expect(all["书面申请已录入"]).toBe(`${reportA.total.applicationEntered} / ${reportA.total.members}`);
    expect(all["待公示"]).toBe(reportA.total.pendingPublicity);
    expect(all["平均学时"]).toBeCloseTo((reportA.total.hoursTotal + reportB.total.hoursTotal) / (reportA.total.studyEntered + reportB.total.studyEntered), 6);
  });

  it("names a duplicate unit and a file that is not a summary, and merges the rest", async () => {
    const copy = tmp.file("汇总-县直机关工委-重发.xlsx");
    copyFileSync(summaryA, copy);
    const raw = tmp.file("原始台账.xlsx");
    await writeSample(raw);
    const csv = tmp.file("坏文件.xlsx");
    writeFileSync(csv, "单位,党员数\n");
    const out = tmp.file("部分.xlsx");
    const run = await cli("consolidate", summaryA, copy, raw, csv, summaryB, "-o", out);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(run.stderr).toMatch(/“汇总-县直机关工委-重发.xlsx”的单位“县直机关工委”与“汇总-县直机关工委.xlsx”重复/);
    expect(run.stderr).toMatch(/“原始台账.xlsx”不是评议汇总表/);
    expect(run.stderr).toMatch(/“坏文件.xlsx”不是 \.xlsx 工作簿/);
    expect(run.stdout).toContain("已合并 2 个单位");
    expect(run.stdout).toContain("有 3 个文件未合并");
    const wb = await load(out);
    const ws = wb.getWorksheet("评议-单位汇总")!;
    expect(ws.rowCount).toBe(5); // title, header, two units, 合计
    // each file left out is named on the 说明 sheet with its reason
    const about = [...cellValues(wb.getWorksheet("评议-汇总说明")!).values()].join("\n");
    expect(about).toContain("未合并的文件（3 个）");
    expect(about).toMatch(/汇总-县直机关工委-重发\.xlsx[\s\S]*重复/);
  });

  it("refuses summaries made under different rules unless --allow-mixed-rules", async () => {
    const rules = tmp.file("六十学时.json");
    writeFileSync(rules, JSON.stringify({ study: { minHours: 60 } }));
    const other = tmp.file("财政局-六十.xlsx");
    expect((await cli("evaluate", tmp.file("财政局.xlsx"), "-o", other, "--unit", "县税务局", "--rules", rules)).code).toBe(0);
    const summaryC = tmp.file("汇总-县税务局.xlsx");
    expect((await cli("export", other, "-o", summaryC)).code).toBe(0);

    const refused = await cli("consolidate", summaryA, summaryB, summaryC, "-o", tmp.file("混合.xlsx"));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/“汇总-县税务局.xlsx”使用的评议规则与“汇总-县直机关工委.xlsx”不同.*--allow-mixed-rules/);
    const onlySame = (await load(tmp.file("混合.xlsx"))).getWorksheet("评议-单位汇总")!;
    expect(onlySame.rowCount).toBe(5);

    const allowed = await cli("consolidate", summaryA, summaryB, summaryC, "-o", tmp.file("混合2.xlsx"), "--allow-mixed-rules");
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain("不同的评议规则");
    expect((await load(tmp.file("混合2.xlsx"))).getWorksheet("评议-单位汇总")!.rowCount).toBe(6);
  });

  it("nothing to merge → exit 2 and no output", async () => {
    const out = tmp.file("空合并.xlsx");
    const run = await cli("consolidate", evaluated.replace("结果", "不存在"), "-o", out);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/找不到文件/);
    expect(run.stderr).toMatch(/没有可以合并的汇总文件/);
    expect(existsSync(out)).toBe(false);
  });
});
