import { DEFAULT_RULES, SHEET_NAMES, evaluateWorkbook, type SheetPlan } from "../../../src/engine";
import { MAX_PAGE_BREAKS } from "../../../src/engine/plan/print";
import { MAX_LINKS } from "../../../src/engine/plan/issuesSheet";
import { issueMessage } from "../../../src/i18n/t";

const sheetOf = (plans: readonly SheetPlan[], name: string) => plans.find((s) => s.name === name)!;

describe("our sheets stay within what Excel keeps in a sheet", () => {
  test("a unit of more branches than Excel can break pages for gets no register, and is told why; one at the limit gets one", () => {
    const evaluate = (branches: number) => {
      const values: unknown[][] = [["姓名", "所在支部", "学时"]];
      for (let b = 0; b < branches; b++) values.push([`党员${b}甲`, `第${b + 1}党支部`, 52], [`党员${b}乙`, `第${b + 1}党支部`, 48]);
      return evaluateWorkbook({ sheets: [{ name: "党员名单", values }] }, { rules: DEFAULT_RULES, today: "2026-12-05", unitName: "市直机关工委" });
    };
    const atLimit = evaluate(MAX_PAGE_BREAKS + 1);
    const register = sheetOf(atLimit.plan.sheets, SHEET_NAMES.register);
    expect(register.print!.rowBreaks).toHaveLength(MAX_PAGE_BREAKS);
    // each break is just above a branch line, in order
    const lines = register.rows.map((row, i) => [i, String(row[0] ?? "")] as const).filter(([, text]) => text.startsWith("支部：")).map(([i]) => i);
    expect(register.print!.rowBreaks).toEqual(lines.slice(1));
    expect(atLimit.issues.some((i) => i.code === "REGISTER_TOO_MANY_BRANCHES")).toBe(false);

    const city = evaluate(MAX_PAGE_BREAKS + 2);
    expect(city.plan.sheets.map((s) => s.name)).not.toContain(SHEET_NAMES.register);
    const said = city.issues.filter((i) => i.code === "REGISTER_TOO_MANY_BRANCHES");
    expect(said.map((i) => issueMessage(i, "zh-CN"))).toEqual([
      `本单位有 ${MAX_PAGE_BREAKS + 2} 个支部，超过 Excel 一张表按支部分页打印的上限（${MAX_PAGE_BREAKS + 1} 个），没有生成“评议-登记表”；请各支部用本支部的工作簿评议后打印登记表`,
    ]);
  });

  test("an issues list longer than Excel's hyperlinks links its first 65,530 cells; the rest keep their address as text", () => {
    const rows = MAX_LINKS + 20;
    const values: unknown[][] = [["姓名", "所在支部", "学时"]];
    // a row with values but no name: one issue each, at its 姓名 cell
    for (let r = 0; r < rows; r++) values.push(["", "第一党支部", 50]);
    values.push(["张伟", "第一党支部", 52]);
    const result = evaluateWorkbook({ sheets: [{ name: "党员名单", values }] }, { rules: DEFAULT_RULES, today: "2026-12-05" });
    const issues = sheetOf(result.plan.sheets, SHEET_NAMES.issues);
    expect(issues.rows.length - 2).toBeGreaterThan(MAX_LINKS);
    expect(issues.links).toHaveLength(MAX_LINKS);
    const last = issues.rows[issues.rows.length - 1];
    expect(String(last[2])).toMatch(/^A\d+$/);
  });
});
