import fc from "fast-check";
import { DEFAULT_RULES, evaluateWorkbook, withBatchStart, type RunOptions } from "../../src/engine";
import type { WorkbookInput } from "../../src/engine/types";
import { chaosWorkbook } from "./layouts";
import { applyPlanToInput, planViolations, written } from "./plan-check";

const optionSets: RunOptions[] = [
  { rules: DEFAULT_RULES, today: "2025-03-25", unitName: "县直机关工委" },
  { rules: withBatchStart(DEFAULT_RULES, "2025-01-06"), today: "2025-06-30" },
];
const options = fc.constantFrom(...optionSets);

/** A deep copy that keeps Dates, NaN and undefined, to check the engine leaves its input alone. */
function copy(input: WorkbookInput): WorkbookInput {
  return structuredClone(input);
}

const small = chaosWorkbook({ maxSheets: 3, maxRows: 12, maxCols: 8 });
const heavy = chaosWorkbook({ maxSheets: 2, maxRows: 120, maxCols: 24 });

describe("the engine on anything a workbook may hold", () => {
  it("never throws, never changes its input, and gives the same result twice (4,000 small workbooks)", () => {
    fc.assert(
      fc.property(small, options, (input, opts) => {
        const before = copy(input);
        const first = evaluateWorkbook(input, opts);
        expect(input).toEqual(before);
        const second = evaluateWorkbook(copy(input), opts);
        expect(second).toEqual(first);
        expect(first.issues.every((i) => typeof i.code === "string" && typeof i.cell === "string")).toBe(true);
        expect(planViolations(input, first)).toEqual([]);
      }),
      { numRuns: 4000 },
    );
  });

  it("a second run over the written workbook plans the same (800 small workbooks)", () => {
    fc.assert(
      fc.property(small, options, (input, opts) => {
        const first = evaluateWorkbook(input, opts);
        const applied = applyPlanToInput(input, first.plan);
        const second = evaluateWorkbook(applied.input, opts);
        expect(planViolations(applied.input, second, applied.ours)).toEqual([]);
        expect(written(second.plan)).toEqual(written(first.plan));
      }),
      { numRuns: 800 },
    );
  });

  it("holds on larger, wider workbooks too (200 workbooks up to 120 rows × 26 columns)", () => {
    fc.assert(
      fc.property(heavy, options, (input, opts) => {
        const first = evaluateWorkbook(input, opts);
        expect(planViolations(input, first)).toEqual([]);
        expect(evaluateWorkbook(copy(input), opts)).toEqual(first);
        const applied = applyPlanToInput(input, first.plan);
        expect(written(evaluateWorkbook(applied.input, opts).plan)).toEqual(written(first.plan));
      }),
      { numRuns: 200 },
    );
  });
});
