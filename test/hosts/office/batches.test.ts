import { runUnits, type WriteUnit } from "../../../src/hosts/office/batches";
import type { XlContext } from "../../../src/hosts/office/excel-api";
import { rowUnits } from "../../../src/hosts/office/rows";

/** A context that records which rows each sync carried and how many bytes the units said they weigh. */
function recorder() {
  const written: [number, number][] = [];
  let pending: [number, number][] = [];
  const syncs: [number, number][][] = [];
  const context = {
    workbook: {
      worksheets: {
        getItem: () => ({
          getRangeByIndexes: (top: number, _left: number, rows: number) => {
            pending.push([top, top + rows]);
            return { set values(_v: unknown) {} };
          },
        }),
      },
    },
    sync: async () => {
      syncs.push(pending);
      written.push(...pending);
      pending = [];
    },
  } as unknown as XlContext;
  return { context, syncs, written };
}

function rows(count: number, text: string): string[][] {
  return Array.from({ length: count }, (_, i) => [`${i + 1}号`, text, "合格"]);
}

describe("filling each request up to the budget", () => {
  const budget = 256 * 1024;

  it("cuts rows where a request is full: as few syncs as the bytes need, every row once and in order", async () => {
    const { context, syncs, written } = recorder();
    const block = rowUnits(
      "党员名单",
      "党员名单",
      2,
      5,
      rows(9_000, "学时 46 < 50，差 4 学时；测评满意度 65 低于 70"),
      () => undefined
    );
    const small: WriteUnit = { bytes: 40 * 1024, sheet: "评议-支部汇总", queue: () => undefined };
    const total = block[0].bytes + small.bytes;
    await runUnits(context, [small, ...block], { budget });
    expect(syncs.length).toBe(Math.ceil(total / budget));
    expect(written[0]).toEqual([2, written[0][1]]);
    for (let i = 1; i < written.length; i++) expect(written[i][0]).toBe(written[i - 1][1]);
    expect(written.at(-1)![1]).toBe(2 + 9_000);
  });

  it("never sends a request over the budget, whatever the order of units", async () => {
    const { context } = recorder();
    const units: WriteUnit[] = [];
    for (let i = 0; i < 5; i++) {
      units.push({ bytes: 30 * 1024, sheet: "x", queue: () => undefined });
      units.push(
        ...rowUnits(
          "x",
          "x",
          0,
          0,
          rows(1_500 + i * 700, "未提出书面申请，原则上按自愿退党或自行脱党处理"),
          () => undefined
        )
      );
    }
    const batches: number[] = [];
    let current = 0;
    const wrap = (unit: WriteUnit): WriteUnit => ({
      ...unit,
      queue: (c) => {
        current += unit.bytes;
        unit.queue(c);
      },
      ...(unit.take
        ? { take: (b: number) => unit.take!(b)?.map(wrap) as [WriteUnit, WriteUnit] | undefined }
        : {}),
    });
    const counting = {
      ...context,
      sync: async () => {
        batches.push(current);
        current = 0;
      },
    } as unknown as XlContext;
    await runUnits(counting, units.map(wrap), { budget });
    expect(Math.max(...batches)).toBeLessThanOrEqual(budget);
    const total = units.reduce((s, u) => s + u.bytes, 0);
    // every request but the last is nearly full: nothing is left on the table but a cut's call overhead
    expect(batches.length).toBeLessThanOrEqual(Math.ceil(total / budget) + 1);
  });
});
