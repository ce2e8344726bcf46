import { formatRuleErrors, resolveRules } from "../../../src/engine/rules";

/*
 * A unit that keeps its 满意率 column as 0.85 writes its threshold as 0.7 too. Read as 0.7%, it
 * would pass every member without a word; the rule file is refused and says what to write.
 */
describe("percentage thresholds written as fractions", () => {
  test("satisfaction.rewriteBelow 0.7 and attendance.minRate 0.8 are refused, each by its path", () => {
    const resolved = resolveRules({ satisfaction: { rewriteBelow: 0.7 }, attendance: { minRate: 0.8 } });
    expect(resolved.ok).toBe(false);
    if (resolved.ok) return;
    expect(resolved.errors.map((e) => e.path).sort()).toEqual(["attendance.minRate", "satisfaction.rewriteBelow"]);
    expect(formatRuleErrors(resolved.errors)).toContain("satisfaction.rewriteBelow：应为百分数（如 70 表示 70%），不能写成 0.7 这样的小数");
  });

  test("1 is refused as well: 1% and 100% are both thresholds nobody means", () => {
    expect(resolveRules({ satisfaction: { rewriteBelow: 1 } }).ok).toBe(false);
  });

  test("70, 80, 0 (no one below) and null (attendance not checked) are accepted", () => {
    const resolved = resolveRules({ satisfaction: { rewriteBelow: 0 }, attendance: { minRate: 80 } });
    expect(resolved.ok && [resolved.rules.satisfaction.rewriteBelow, resolved.rules.attendance.minRate]).toEqual([0, 80]);
    const off = resolveRules({ satisfaction: { rewriteBelow: 70 }, attendance: { minRate: null } });
    expect(off.ok && off.rules.attendance.minRate).toBeNull();
  });

  test("values outside 0–100 keep their own single message", () => {
    for (const value of [170, -0.5]) {
      const resolved = resolveRules({ satisfaction: { rewriteBelow: value } });
      expect(!resolved.ok && formatRuleErrors(resolved.errors)).toBe("satisfaction.rewriteBelow：应为 0–100 之间的数字");
    }
  });
});
