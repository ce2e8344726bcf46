import { evaluateWorkbook } from "../../../src/engine/run";
import { DEFAULT_RULES } from "../../../src/engine/rules";
import { RESULT_GROUP_HEADER } from "../../../src/engine/plan/types";
import { createMemoryHost, MemoryWorkbook } from "../../../src/hosts/memory";
import { snapshot } from "./fixtures";
import { NOTE, SHEET, TITLE, reminder, rosterWithUserCells } from "./user-cells";

const TODAY = "2025-04-10";

async function review(book: MemoryWorkbook) {
  const host = createMemoryHost(book);
  const input = await host.readWorkbook();
  const result = evaluateWorkbook(input, { rules: DEFAULT_RULES, today: TODAY });
  expect(result.hasMemberTable).toBe(true);
  await host.applyPlan(result.plan);
  return { input, block: result.plan.resultBlocks[0] };
}

const row = (book: MemoryWorkbook, sheetRow: number, from: string, to: string) => {
  const cols = Array.from({ length: to.charCodeAt(0) - from.charCodeAt(0) + 1 }, (_, i) => String.fromCharCode(from.charCodeAt(0) + i));
  return cols.map((c) => book.value(SHEET, `${c}${sheetRow}`));
};

describe("office host: the user's merged cells", () => {
  test("a note merged across the row above the header keeps our group header out of it", async () => {
    const book = rosterWithUserCells(12, { note: true, noteRight: 12 });
    const before = book.sheet(SHEET)!.merges.map((m) => ({ ...m }));
    const { input, block } = await review(book);
    expect(input.sheets[0].merges).toEqual(before);
    expect(block.firstColumn).toBe(6);
    expect(block.groupHeaderRow).toBeNull();
    expect(book.value(SHEET, "A2")).toBe(NOTE);
    expect(row(book, 2, "B", "M")).toEqual(new Array(12).fill(null));
    expect(book.sheet(SHEET)!.merges).toEqual(before);
    expect(book.value(SHEET, "G3")).toBe(block.headers[0]);
  });

  test("without the merge the same row does get the group header (the check above can fail)", async () => {
    const book = rosterWithUserCells(12, { note: true });
    book.sheet(SHEET)!.merges = book.sheet(SHEET)!.merges.filter((m) => m.top !== 1);
    const { block } = await review(book);
    expect(block.groupHeaderRow).toBe(1);
    expect(book.value(SHEET, "G2")).toBe(RESULT_GROUP_HEADER);
  });

  test("a title merged wider than the table keeps the group header off the title row", async () => {
    const book = rosterWithUserCells(12, { titleRight: 11 });
    const { block } = await review(book);
    expect(block.headerRow).toBe(1);
    expect(block.groupHeaderRow).toBeNull();
    expect(book.value(SHEET, "A1")).toBe(TITLE);
    expect(row(book, 1, "B", "L")).toEqual(new Array(11).fill(null));
  });

  test("a blank merged area right of the used range is read too (the whole sheet is asked)", async () => {
    const book = rosterWithUserCells(5, {});
    await book.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRange("H1:J2").merge();
      await context.sync();
    });
    const input = await createMemoryHost(book).readWorkbook();
    expect(input.sheets[0].merges).toContainEqual({ top: 0, left: 7, bottom: 1, right: 9 });
    expect(input.sheets[0].values[0]).toHaveLength(6);
  });

  test(`a sheet with more merged areas than Excel will list falls back to those of the top rows`, async () => {
    const book = rosterWithUserCells(1_100, { note: true });
    // the branch column merged over each pair of members, as many secretaries do
    const sheet = book.sheet(SHEET)!;
    for (let r = 3; r + 1 < 3 + 1_100; r += 2) sheet.merges.push({ top: r, left: 3, bottom: r + 1, right: 3 });
    const input = await createMemoryHost(book).readWorkbook();
    expect(book.counters.syncs).toBe(4); // names, the refused sizes, the sizes asking the top rows, the cells
    const merges = input.sheets[0].merges!;
    expect(merges).toContainEqual({ top: 1, left: 0, bottom: 1, right: 12 });
    expect(merges.every((m) => m.top < 50)).toBe(true);
    const result = evaluateWorkbook(input, { rules: DEFAULT_RULES, today: TODAY });
    await createMemoryHost(book).applyPlan(result.plan);
    expect(result.plan.resultBlocks[0].groupHeaderRow).toBeNull();
    expect(book.value(SHEET, "G2")).toBeNull();
  });
});

describe("office host: a failed read is not taken for a refused merge list", () => {
  test("a cell edit during the read fails at once with its own message, without asking again", async () => {
    const book = rosterWithUserCells(5, { note: true });
    book.failAt({ sync: 2, error: { code: "InvalidOperationInCellEditMode", message: "The operation is not allowed while Excel is in cell edit mode." } });
    const error = await createMemoryHost(book)
      .readWorkbook()
      .catch((e) => e);
    expect(error.code).toBe("OFFICE_CELL_EDIT");
    expect(book.counters.syncs).toBe(2);
  });
});

describe("office host: the user's formula cells", () => {
  test('a formula column right of the table showing "" moves our block right of it; the formulas stay', async () => {
    const book = rosterWithUserCells(12, { note: true, noteRight: 0, formulas: true });
    const { input, block } = await review(book);
    expect(input.sheets[0].values[3][6]).toEqual({ formula: "=" });
    expect(block.firstColumn).toBe(7);
    for (let r = 4; r < 4 + 12; r++) {
      expect(book.formula(SHEET, `G${r}`)).toBe(reminder(r));
      expect(book.value(SHEET, `G${r}`)).toBeNull();
    }
    expect(book.value(SHEET, "H3")).toBe(block.headers[0]);
    expect(book.value(SHEET, "G3")).toBeNull();
  });

  test('the same column of plain "" cells is free, so the block takes it (the check above can fail)', async () => {
    const book = rosterWithUserCells(12, { note: true, noteRight: 0 });
    const { block } = await review(book);
    expect(block.firstColumn).toBe(6);
  });
});

describe("office host: reading user cells stays cheap", () => {
  test("syncs stay constant from 100 to 10,000 rows, reading and writing", async () => {
    const counts = [];
    for (const members of [100, 10_000]) {
      const book = rosterWithUserCells(members, { note: true, formulas: true });
      const host = createMemoryHost(book);
      const input = await host.readWorkbook();
      const read = book.counters.syncs;
      const result = evaluateWorkbook(input, { rules: DEFAULT_RULES, today: TODAY });
      book.resetCounters();
      await host.applyPlan(result.plan);
      counts.push({ read, apply: book.counters.syncs, start: result.plan.resultBlocks[0].firstColumn, group: result.plan.resultBlocks[0].groupHeaderRow });
    }
    expect(counts[0]).toEqual({ read: 3, apply: counts[0].apply, start: 7, group: null });
    expect(counts[1]).toEqual(counts[0]);
  });

  test("a read in chunks brings the same merges and formula cells", async () => {
    for (const versions of [{ ExcelApi: "1.17" }, { ExcelApi: "1.8" }]) {
      const whole = rosterWithUserCells(3_000, { note: true, formulas: true });
      whole.apiVersions = versions;
      const chunked = rosterWithUserCells(3_000, { note: true, formulas: true });
      chunked.apiVersions = versions;
      chunked.payloadLimit = 64 * 1024;
      const expected = await createMemoryHost(whole).readWorkbook();
      const input = await createMemoryHost(chunked).readWorkbook();
      expect(chunked.counters.syncs).toBeGreaterThan(4);
      expect(input).toEqual(expected);
    }
  });
});

describe("office host: where Excel lacks ExcelApi 1.13 or 1.9", () => {
  test("without 1.13 merged areas are unknown (not reported as none); the review still runs", async () => {
    const book = rosterWithUserCells(12, { note: true, formulas: true });
    book.apiVersions = { ExcelApi: "1.12" };
    const userCells = snapshot(book, SHEET, { fromCol: 7, toCol: 40 });
    const { input, block } = await review(book);
    expect(input.sheets[0]).not.toHaveProperty("merges");
    expect(block.firstColumn).toBe(7);
    expect(book.value(SHEET, "A2")).toBe(NOTE);
    const after = snapshot(book, SHEET, { fromCol: 7, toCol: 40 });
    for (const [key, cell] of userCells) expect(after.get(key)).toBe(cell);
  });

  test("without 1.9 formula cells are found from their formulas, in the same three syncs", async () => {
    const book = rosterWithUserCells(12, { note: true, formulas: true });
    book.apiVersions = { ExcelApi: "1.8" };
    const { input, block } = await review(book);
    expect(input.sheets[0].values[3][6]).toEqual({ formula: reminder(4) });
    expect(input.sheets[0]).not.toHaveProperty("merges");
    expect(block.firstColumn).toBe(7);
    expect(book.formula(SHEET, "G4")).toBe(reminder(4));

    const again = rosterWithUserCells(12, { note: true, formulas: true });
    again.apiVersions = { ExcelApi: "1.8" };
    await createMemoryHost(again).readWorkbook();
    expect(again.counters.syncs).toBe(3);
  });
});
