import { createMemoryHost, MemoryWorkbook } from "../../../src/hosts/memory";
import { createOfficeHost } from "../../../src/hosts/office";
import { ROSTER, rosterBook } from "./fixtures";

describe("office host: reading the workbook", () => {
  test("reads every sheet's used range with values, number formats, origin and (no) merged areas in three syncs", async () => {
    const book = MemoryWorkbook.fromGrids([
      {
        name: "党员名单",
        values: [
          [null, null, null],
          [null, "姓名", "学时"],
          [null, "王建国", 56],
          [null, "李红", null],
        ],
        numberFormats: [[], [], [null, null, "0.0"], []],
      },
      { name: "空白页", values: [] },
    ]);
    const progress: number[] = [];
    const input = await createMemoryHost(book).readWorkbook({ onProgress: (f) => progress.push(f) });
    expect(book.counters.syncs).toBe(3); // the names, the used ranges' bounds, the cells
    expect(progress).toEqual([0.05, 0.1, 1]);
    expect(input.sheets).toEqual([
      {
        name: "党员名单",
        origin: { row: 1, col: 1 },
        values: [
          ["姓名", "学时"],
          ["王建国", 56],
          ["李红", null],
        ],
        numberFormats: [
          ["General", "General"],
          ["General", "0.0"],
          ["General", "General"],
        ],
        merges: [],
      },
      { name: "空白页", values: [], merges: [] },
    ]);
  });

  test("syncs do not grow with rows", async () => {
    const small = rosterBook(100);
    await createMemoryHost(small).readWorkbook();
    const large = rosterBook(15_000);
    const input = await createMemoryHost(large).readWorkbook();
    expect(large.counters.syncs).toBe(small.counters.syncs);
    expect(input.sheets[0].values).toHaveLength(15_000 + 4);
    expect(input.sheets[0].values[15_001]).toEqual([15_000, expect.stringMatching(/^.+14999$/), "离退休党支部", 59, 99]);
  });

  test("a used range too big for one answer is read in row chunks and arrives whole", async () => {
    const book = rosterBook(3_000);
    book.payloadLimit = 64 * 1024;
    const expected = await createMemoryHost(rosterBook(3_000)).readWorkbook();
    const input = await createMemoryHost(book).readWorkbook();
    expect(input).toEqual(expected);
    expect(book.counters.syncs).toBeGreaterThan(4);
  });

  test("values that come back null (past Excel's cells-per-read limit) are read again in smaller chunks and arrive whole", async () => {
    const book = rosterBook(5_000);
    book.readCellLimit = 12_000;
    const expected = await createMemoryHost(rosterBook(5_000)).readWorkbook();
    const input = await createMemoryHost(book).readWorkbook();
    expect(input).toEqual(expected);
    expect(book.counters.syncs).toBeGreaterThan(3);
  });

  test("values that stay null however small the chunk give a sentence naming the sheet", async () => {
    const book = rosterBook(50);
    book.readCellLimit = 2; // not even one row
    const error = await createMemoryHost(book)
      .readWorkbook()
      .catch((e) => e);
    expect(error.code).toBe("OFFICE_READ_TOO_LARGE");
    expect(error.vars.sheet).toBe(ROSTER);
  });

  test("Excel on the web refusing a large answer with GeneralException is read again in halves", async () => {
    const book = rosterBook(3_000);
    book.payloadLimit = 256 * 1024;
    book.oversizedAs = "GeneralException";
    const expected = await createMemoryHost(rosterBook(3_000)).readWorkbook();
    expect(await createMemoryHost(book).readWorkbook()).toEqual(expected);
  });

  test("a sheet whose used range reaches far away (a stray cell at XFD1048576) is not read: the sentence names it and its range", async () => {
    const book = rosterBook(20);
    book.sheet("学习记录")!.cell(1_048_575, 16_383).value = "x";
    const error = await createMemoryHost(book)
      .readWorkbook()
      .catch((e) => e);
    expect(error.code).toBe("OFFICE_READ_TOO_LARGE");
    expect(error.message).toBe("工作表“学习记录”的已用区域 A1:XFD1048576 太大（17179869184 个单元格），Excel 无法读取；请删去表中远处无关的内容（或把名单复制到新工作簿）后再点评议");
    expect(book.counters.syncs).toBe(2); // the names and the bounds: no cell was asked for
  });

  test("cancelling a chunked read throws an AbortError", async () => {
    const book = rosterBook(3_000);
    book.payloadLimit = 64 * 1024;
    const controller = new AbortController();
    controller.abort();
    const error = await createMemoryHost(book)
      .readWorkbook({ signal: controller.signal })
      .catch((e) => e);
    expect(error.name).toBe("AbortError");
  });

  test("a cell edit in progress holds the read until it ends; an Excel that fails instead gives the Enter/Esc message", async () => {
    const book = rosterBook(5);
    book.cellEditMode = true;
    const reading = createMemoryHost(book).readWorkbook();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(book.syncsWaitingForEdit).toBe(1);
    book.cellEditMode = false;
    expect((await reading).sheets.map((s) => s.name)).toEqual([ROSTER, "学习记录"]);

    book.cellEditMode = true;
    const error = await createOfficeHost(book.run, { isSetSupported: book.isSetSupported, settings: book.settings })
      .readWorkbook()
      .catch((e) => e);
    expect(error.code).toBe("OFFICE_CELL_EDIT");
  });
});
