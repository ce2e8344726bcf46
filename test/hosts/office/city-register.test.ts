import { DEFAULT_RULES, SHEET_NAMES, evaluateWorkbook } from "../../../src/engine";
import { sheetUnits } from "../../../src/hosts/office/sheet";

test("a city's register (150,000 members in 1,000 branches) becomes write units without running out of stack", () => {
  const values: unknown[][] = [["姓名", "所在支部", "学时"]];
  for (let i = 0; i < 150_000; i++) values.push([`党员${i}`, `第${(i % 1000) + 1}党支部`, 40 + (i % 20)]);
  const result = evaluateWorkbook({ sheets: [{ name: "党员名单", values }] }, { rules: DEFAULT_RULES, today: "2026-12-05", unitName: "市直机关工委" });
  const register = result.plan.sheets.find((s) => s.name === SHEET_NAMES.register)!;
  expect(register.rows.length).toBeGreaterThan(150_000);
  let cells = 0;
  const units = sheetUnits(register, "评议-登记表(新)", { canNameCategories: true, canFormatAxis: true, canPrint: true }, (n) => (cells += n));
  // a unit larger than a request can be cut (the batching cuts it under Excel's 5 MB)
  for (const unit of units) if (unit.bytes > 4 * 1024 * 1024) expect(unit.take).toBeDefined();
  // the bold branch lines and the borders by rule, not a call per branch
  expect(units.length).toBeLessThan(2_000);
});
