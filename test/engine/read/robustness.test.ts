import { readWorkbook } from "../../../src/engine/read";
import type { SheetGrid } from "../../../src/engine/types";

/** A small deterministic generator (no Math.random, so a failure can be replayed). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const JUNK: unknown[] = [
  null,
  undefined,
  "",
  "  ",
  "姓名",
  "支部",
  "学时",
  "满意度",
  "合计",
  "#N/A",
  "85%",
  "１２",
  -1,
  0,
  1e300,
  Number.NaN,
  Infinity,
  2 ** 70,
  true,
  new Date(Number.NaN),
  new Date(0),
  { error: "#VALUE!" },
  { richText: "not an array" },
  { richText: [{ text: 1 }, null] },
  { formula: "A1" },
  { result: { result: { result: { result: { result: 1 } } } } },
  [1, 2],
  () => 1,
  Symbol("x"),
  BigInt(12),
  "〔评议〕学习情况",
  "先教评议助手",
];

function junkGrid(next: () => number): unknown[][] {
  const rows: unknown[][] = [];
  const n = Math.floor(next() * 40);
  for (let r = 0; r < n; r++) {
    if (next() < 0.1) {
      rows.push(undefined as unknown as unknown[]);
      continue;
    }
    const w = Math.floor(next() * 12);
    rows.push(Array.from({ length: w }, () => JUNK[Math.floor(next() * JUNK.length)]));
  }
  return rows;
}

describe("never throws", () => {
  it("reads 150 random junk workbooks deterministically", () => {
    const next = rng(7);
    for (let i = 0; i < 150; i++) {
      const sheets: SheetGrid[] = [0, 1, 2].map((k) => ({
        name: `S${k}`,
        values: junkGrid(next),
        numberFormats: next() < 0.5 ? [[null, "0%", "yyyy", 5 as unknown as string]] : undefined,
        merges: next() < 0.5 ? [{ top: 0, left: 0, bottom: 0, right: 3 }, { top: -4, left: 9, bottom: 1, right: 2 }, null as never] : undefined,
        origin: next() < 0.2 ? { row: 3, col: 1 } : undefined,
      }));
      const a = readWorkbook({ sheets });
      const b = readWorkbook({ sheets });
      expect(a).toEqual(b);
      for (const issue of a.issues) expect(typeof issue.cell).toBe("string");
    }
  });

  it("survives malformed input objects", () => {
    expect(() => readWorkbook({} as never)).not.toThrow();
    expect(() => readWorkbook({ sheets: [null, { name: 3, values: "x" }, { values: [[null], "row"] }] } as never)).not.toThrow();
    expect(readWorkbook({ sheets: [{ name: "名单", values: [["姓名", "学时"], ["张三", 2 ** 80]] }] }, { 名单: { studyHours: -3, branch: 99, name: 1.5 } } as never).members[0].values.studyHours).toBe(2 ** 80);
  });

  it("reports a problem on every row of a city-sized sheet without running out of stack", () => {
    const rows = 150_000;
    const roster = [["姓名", "支部", "学时"], ...Array.from({ length: rows }, (_, i) => [`党员${i}`, "一支部", "五十"])];
    const hours = [["姓名", "支部", "学时"], ...Array.from({ length: rows }, (_, i) => [`外来${i}`, "一支部", 50])];
    const read = readWorkbook({ sheets: [{ name: "名单", values: roster }, { name: "学时", values: hours }] });
    expect(read.members).toHaveLength(rows);
    expect(read.issues.filter((issue) => issue.code === "NOT_A_NUMBER")).toHaveLength(rows);
    expect(read.issues.filter((issue) => issue.code === "ORPHAN_ROW")).toHaveLength(rows);
  });
});
