import fc from "fast-check";
import { DEFAULT_RULES, evaluateWorkbook, type RunOptions } from "../../src/engine";
import type { IssueCode } from "../../src/engine/types";
import { rosterCase } from "./layouts";
import { applyPlanToInput, planViolations, written } from "./plan-check";

const options: RunOptions = { rules: DEFAULT_RULES, today: "2025-03-25", unitName: "县直机关工委" };

/** Codes a single unusable cell produces (not the ones about rows or joins). */
const CELL_CODES: ReadonlySet<IssueCode> = new Set<IssueCode>([
  "NOT_A_NUMBER",
  "NEGATIVE_NUMBER",
  "NOT_AN_INTEGER",
  "PERCENT_OUT_OF_RANGE",
  "NOT_YES_NO",
  "UNKNOWN_GRADE",
  "UNKNOWN_CATEGORY",
  "ERROR_VALUE",
  "ID_PRECISION_LOST",
  "TEXT_TOO_LONG",
  "DATE_NOT_EXPECTED",
  "UNREADABLE_VALUE",
  "NAME_BLANK",
  "UNKNOWN_BATCH",
]);

describe("every unusable cell of a roster is a data issue at its own address", () => {
  it("bad cells are reported where they are, good cells are not (5,000 rosters)", () => {
    fc.assert(
      fc.property(rosterCase, ({ input, sheet, expectations }) => {
        const result = evaluateWorkbook(input, options);
        expect(result.hasMemberTable).toBe(true);
        const at = new Map<string, IssueCode[]>();
        for (const issue of result.issues) {
          if (issue.sheet !== sheet) continue;
          at.set(issue.cell, [...(at.get(issue.cell) ?? []), issue.code]);
        }
        for (const e of expectations) {
          const codes = (at.get(e.cell) ?? []).filter((code) => CELL_CODES.has(code));
          if (e.bad) expect({ cell: e.cell, kind: e.kind, value: e.value, reported: codes.length > 0 }).toEqual({ cell: e.cell, kind: e.kind, value: e.value, reported: true });
          else expect({ cell: e.cell, kind: e.kind, value: e.value, codes }).toEqual({ cell: e.cell, kind: e.kind, value: e.value, codes: [] });
        }
      }),
      { numRuns: 5000 },
    );
  });

  it("the plan stays in its block and a second run over the written grid plans the same (800 rosters)", () => {
    fc.assert(
      fc.property(rosterCase, ({ input }) => {
        const first = evaluateWorkbook(input, options);
        expect(planViolations(input, first)).toEqual([]);
        const applied = applyPlanToInput(input, first.plan);
        const second = evaluateWorkbook(applied.input, options);
        expect(planViolations(applied.input, second, applied.ours)).toEqual([]);
        expect(written(second.plan)).toEqual(written(first.plan));
        expect(second.issues).toEqual(first.issues);
      }),
      { numRuns: 800 },
    );
  });
});
