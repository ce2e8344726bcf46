import { DEFAULT_RULES, applyScheme, resolveRules, ruleFingerprint, withBatchStart, type RuleSet } from "../../../src/engine/rules";

function rulesOf(override: unknown): RuleSet {
  const r = resolveRules(override);
  if (!r.ok) throw new Error("rules");
  return r.rules;
}

/** The same data with every object's keys in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)]));
  }
  return value;
}

describe("ruleFingerprint", () => {
  it("is short, hex and stable across key order and copies", () => {
    const fp = ruleFingerprint(DEFAULT_RULES);
    expect(fp).toMatch(/^[0-9a-f]{12}$/);
    expect(JSON.stringify(reversedKeys(DEFAULT_RULES))).not.toBe(JSON.stringify(DEFAULT_RULES));
    expect(ruleFingerprint(reversedKeys(DEFAULT_RULES) as RuleSet)).toBe(fp);
    expect(ruleFingerprint(rulesOf({}))).toBe(fp);
  });

  it("changes with any rule that decides an outcome", () => {
    const fp = ruleFingerprint(DEFAULT_RULES);
    expect(ruleFingerprint(rulesOf({ study: { minHours: 49 } }))).not.toBe(fp);
    expect(ruleFingerprint(rulesOf({ attendance: { minRate: 80 } }))).not.toBe(fp);
    expect(ruleFingerprint(applyScheme(DEFAULT_RULES, "四阶段"))).not.toBe(fp);
  });

  it("ignores who the unit is and when its batch started", () => {
    const fp = ruleFingerprint(DEFAULT_RULES);
    expect(ruleFingerprint(rulesOf({ unitName: "某某县委" }))).toBe(fp);
    expect(ruleFingerprint(withBatchStart(DEFAULT_RULES, "2026-03-01"))).toBe(fp);
  });
});
