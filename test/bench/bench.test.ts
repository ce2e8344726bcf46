import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { generateInput, generateWorkbook, generateXlsx } from "../../bench/generate";
import { measureEngine } from "../../bench/engine";
import { measureOffice } from "../../bench/office";
import { parseOptions } from "../../bench/options";

describe("bench generator", () => {
  it("makes the four sheets of a secretary's workbook, with titles, two-row headers and footers", () => {
    const { population, sheets } = generateWorkbook(300);
    expect(population.members).toHaveLength(300);
    expect(sheets.map((s) => s.name)).toEqual(["党员名单", "学习情况", "满意度测评", "民主评议表决"]);
    for (const b of population.branches.slice(0, -1)) expect(b.members.length).toBeGreaterThanOrEqual(5);
    for (const b of population.branches) expect(b.members.length).toBeLessThanOrEqual(60);
    const [roster, study, satisfaction] = sheets;
    expect(roster.rows[0][0]).toBe("先进性教育活动党员评议台账"); // A1: merged title
    expect(roster.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 9 });
    expect(roster.rows[2][1]).toBe("姓名"); // B3
    expect(roster.rows[roster.rows.length - 2][0]).toBe("合计");
    expect(study.headerRows).toEqual([1, 2]); // rows 2–3: 学习培训 over 学时
    expect(study.rows[2][3]).toBe("学时（小时）"); // D3
    expect(satisfaction.rows.length - 3).toBeGreaterThanOrEqual(300); // orphans come on top
  });

  it("is the same for the same seed and different for another", () => {
    const a = generateInput(300);
    expect(generateInput(300)).toEqual(a);
    expect(generateInput(300, 7)).not.toEqual(a);
  });

  it("gives grids the engine reads as four member tables, with a few data problems and some cells left blank", () => {
    const figures = measureEngine(generateInput(1000), 1000);
    expect(figures.resultRows).toBeGreaterThanOrEqual(1000);
    expect(figures.bestMs).toBeLessThanOrEqual(figures.medianMs);
    expect(figures.issues).toBeGreaterThan(0);
    expect(figures.issues).toBeLessThan(100);
    // 整改落实 left blank for about one member in ten, 上级审批 for a branch in twenty
    expect(figures.blankCells).toBeGreaterThan(50);
    expect(figures.blankCells).toBeLessThan(400);
  });

  it("writes the same workbook as .xlsx: values, merges, header style and the user's conditional format", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "xianjiao-bench-test-"));
    try {
      const { file, generated } = await generateXlsx(300, undefined, dir);
      expect(generated).toBe(true);
      expect((await generateXlsx(300, undefined, dir)).generated).toBe(false);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const roster = wb.getWorksheet("党员名单")!;
      const grid = generateInput(300).sheets[0];
      expect(roster.getCell("B4").value).toBe(grid.values[3][1]);
      expect(roster.getCell("J1").isMerged).toBe(true);
      expect(roster.getCell("B3").font?.bold).toBe(true);
      expect(roster.getColumn(4).width).toBe(30);
      const cfs = (roster as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings;
      expect(cfs.map((cf) => cf.ref)).toEqual(["F4:F303"]);
      expect(wb.getWorksheet("满意度测评")!.getCell("D2").isMerged).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      expect(existsSync(dir)).toBe(false);
    }
  });
});

describe("bench: Office host on the in-memory workbook", () => {
  it("keeps syncs and format operations constant from 300 to 3,000 rows, every request under 4 MB", async () => {
    const small = await measureOffice(generateWorkbook(300).sheets, 300);
    const large = await measureOffice(generateWorkbook(3000).sheets, 3000);
    expect(large.apply.syncs).toBe(small.apply.syncs);
    expect(large.apply.formatOps).toBe(small.apply.formatOps);
    expect(large.apply.conditionalFormatOps).toBe(small.apply.conditionalFormatOps);
    expect(large.apply.largestRequestBytes).toBeLessThan(4 * 1024 * 1024);
    expect(large.apply.cellsWritten).toBeGreaterThan(small.apply.cellsWritten * 5);
    // the naive baseline grows with the rows: a sync per member, fills set cell by cell
    expect(small.naivePerRow!.syncs).toBeGreaterThan(300);
    expect(large.naivePerRow!.syncs).toBeGreaterThan(3000);
    expect(large.naivePerBatch.formatOps).toBeGreaterThan(small.naivePerBatch.formatOps * 5);
  }, 60_000);
});

describe("bench options", () => {
  it("reads --sizes and --skip, and refuses an unknown flag", () => {
    expect(parseOptions([]).sizes).toEqual([1000, 25_700, 160_000, 1_000_000]);
    const options = parseOptions(["--sizes", "1000,25700", "--skip=browser,cli"]);
    expect(options.sizes).toEqual([1000, 25_700]);
    expect([...options.skip]).toEqual(["browser", "cli"]);
    expect(() => parseOptions(["--fast"])).toThrow(/unknown option --fast/);
  });
});
