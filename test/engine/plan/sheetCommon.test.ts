import fc from "fast-check";
import { displayWidth, fitWidths } from "../../../src/engine/plan/sheetCommon";

/** The widths as the column texts would give them: each number as the sheet shows it (one decimal). */
function widthsOfTexts(rows: (string | number | null)[][], columns: number, min = 6, max = 40): number[] {
  const widths = new Array<number>(columns).fill(min);
  for (const row of rows) {
    row.slice(0, columns).forEach((v, c) => {
      if (v === null) return;
      const text = typeof v === "number" ? String(Math.round(v * 10) / 10) : v;
      widths[c] = Math.max(widths[c], displayWidth(text, max));
    });
  }
  return widths;
}

describe("column widths of our sheets", () => {
  it("counts CJK double and fits the longest cell, clamped", () => {
    expect(fitWidths([["支部"], ["第一党支部", 12.34], [null, -1500]], 0, 2)).toEqual([12, 7]);
    expect(fitWidths([["很".repeat(40)]], 0, 1)).toEqual([40]);
  });

  it("gives a number the width of the text the sheet shows for it", () => {
    const cell = fc.oneof(
      fc.integer({ min: -1e7, max: 1e7 }),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.constantFrom(0, -0, 0.05, 0.95, 99.95, -0.04, 1e15, 1e21, 123456789012345.6),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(cell, fc.constant(null)), { maxLength: 4 }), { maxLength: 20 }), (rows) => {
        expect(fitWidths(rows, 0, 4)).toEqual(widthsOfTexts(rows, 4));
        expect(fitWidths(rows, 0, 4, 1, 200)).toEqual(widthsOfTexts(rows, 4, 1, 200));
      }),
      { numRuns: 300 },
    );
  });
});
