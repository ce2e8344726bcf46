import { evaluateWorkbook, type RunOptions, type RunResult } from "../../../src/engine/run";
import { DEFAULT_RULES } from "../../../src/engine/rules";
import { SHEET_NAMES } from "../../../src/engine/plan/types";
import { issueMessage } from "../../../src/i18n/t";
import { createMemoryHost, MemoryWorkbook } from "../../../src/hosts/memory";

const SHEET = "党员名单";
const options: RunOptions = { rules: DEFAULT_RULES, today: "2026-12-05", unitName: "城关镇党委" };

function ledger(): MemoryWorkbook {
  return MemoryWorkbook.fromGrids([
    {
      name: SHEET,
      values: [
        ["姓名", "所在支部", "学时"],
        ["张伟", "第一党支部", 52],
        ["王芳", "第二党支部", 46],
      ],
    },
  ]);
}

async function review(book: MemoryWorkbook, extra: Partial<RunOptions> = {}): Promise<RunResult> {
  const host = createMemoryHost(book);
  const result = evaluateWorkbook(await host.readWorkbook(), { ...options, ...extra });
  await host.applyPlan(result.plan);
  return result;
}

const names = (book: MemoryWorkbook) => book.sheets.map((s) => s.name);
const messages = (result: RunResult) => result.issues.map((i) => issueMessage(i, "zh-CN"));

describe("our sheets, known by their markers", () => {
  test("a re-run replaces them under the same names; the run record is very hidden; markers are hidden names", async () => {
    const book = ledger();
    await review(book);
    const after = names(book);
    expect(after).toEqual([SHEET, SHEET_NAMES.branches, SHEET_NAMES.stages, SHEET_NAMES.issues, SHEET_NAMES.register, SHEET_NAMES.about, SHEET_NAMES.technical, "评议-记录"]);
    expect(book.sheet("评议-记录")!.visibility).toBe("VeryHidden");
    expect(book.sheet(SHEET_NAMES.technical)!.visibility).toBe("Hidden");
    expect(book.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name)).toEqual(after.slice(0, 6));
    const marker = book.sheet(SHEET_NAMES.branches)!.names.get("xianjiaosheet")!;
    expect(marker.formula).toMatch(/^="branches\|[0-9a-z]+\|评议-支部汇总"$/);
    expect(marker.visible).toBe(false);
    expect(book.sheet(SHEET)!.names.get("xianjiaoresults")!.formula).toBe("=党员名单!$D$1:$I$1");
    const second = await review(book);
    expect(names(book)).toEqual(after);
    expect(second.issues.filter((i) => i.code.startsWith("OUR_") || i.code === "OLD_SHEET_KEPT")).toEqual([]);
    // the roster keeps one block marker, replaced
    expect([...book.sheet(SHEET)!.names.keys()]).toEqual(["xianjiaoresults"]);
  });

  test("a user's own sheet under our name, titled like ours, is never deleted", async () => {
    const book = ledger();
    const own = book.addSheetData(SHEET_NAMES.branches);
    own.cell(0, 0).value = "先教评议助手 · 支部汇总（我自己整理的）";
    for (let r = 1; r < 30; r++) {
      own.cell(r, 0).value = `第${r}支部`;
      own.cell(r, 1).formula = `=党员名单!C${r + 1}`;
    }
    const result = await review(book);
    expect(book.sheet(SHEET_NAMES.branches)!.get(0, 0)!.value).toBe("先教评议助手 · 支部汇总（我自己整理的）");
    expect(book.sheet(SHEET_NAMES.branches)!.get(5, 1)!.formula).toBe("=党员名单!C6");
    expect(names(book)).toContain(`${SHEET_NAMES.branches}(2)`);
    expect(messages(result)).toContain(`工作表“${SHEET_NAMES.branches}”像是旧版本写入的评议结果，未作改动；如已不需要，可手动删除`);
    // and again: ours in (2) is replaced in place, the user's stays
    await review(book);
    expect(names(book).filter((n) => n.startsWith(SHEET_NAMES.branches))).toEqual([SHEET_NAMES.branches, `${SHEET_NAMES.branches}(2)`]);
  });

  test("a sheet of ours with a cell typed into it is kept; this run's goes beside it, and says so", async () => {
    const book = ledger();
    await review(book);
    book.sheet(SHEET_NAMES.branches)!.cell(10, 0).value = "备注：第二支部学时下周补录";
    const result = await review(book);
    expect(book.sheet(SHEET_NAMES.branches)!.get(10, 0)!.value).toBe("备注：第二支部学时下周补录");
    expect(names(book)).toContain(`${SHEET_NAMES.branches}(2)`);
    expect(messages(result)).toContain(`工作表“${SHEET_NAMES.branches}”是上次评议写入的，其中有手工修改，已原样保留；本次结果写入“${SHEET_NAMES.branches}(2)”`);
  });

  test("a sheet of ours the user renamed is kept and called out of date", async () => {
    const book = ledger();
    await review(book);
    book.sheet(SHEET_NAMES.issues)!.name = "问题清单";
    const result = await review(book);
    expect(names(book)).toContain("问题清单");
    expect(names(book)).toContain(SHEET_NAMES.issues);
    expect(messages(result)).toContain(`工作表“问题清单”是上次评议的结果，数据已过期；本次结果见“${SHEET_NAMES.issues}”`);
  });
});

describe("text as every writer writes it", () => {
  test("a control character typed into a branch name is left out of our sheets, as the .xlsx writer leaves it out, and the sheet is known as ours on the next run", async () => {
    const book = MemoryWorkbook.fromGrids([
      {
        name: SHEET,
        values: [
          ["姓名", "所在支部", "学时"],
          ["张伟", "第一\u0007党支部", 52],
          ["王芳", "第二党支部", 46],
        ],
      },
    ]);
    await review(book);
    const summary = book.sheet(SHEET_NAMES.branches)!;
    const texts: string[] = [];
    for (let r = 0; r < 20; r++) for (let c = 0; c < 5; c++) texts.push(String(summary.cell(r, c).value ?? ""));
    expect(texts).toContain("第一党支部");
    expect(texts.some((text) => text.includes("\u0007"))).toBe(false);
    const second = await review(book);
    expect(second.issues.filter((i) => i.code.startsWith("OUR_") || i.code === "OLD_SHEET_KEPT")).toEqual([]);
    expect(names(book).filter((name) => name.startsWith(SHEET_NAMES.branches))).toEqual([SHEET_NAMES.branches]);
  });
});
