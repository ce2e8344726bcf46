import { evaluateWorkbook, toReport, type RunOptions, type RunResult } from "../../../src/engine/run";
import { DEFAULT_RULES } from "../../../src/engine/rules";
import { BRANCH_COLUMNS, SHEET_NAMES } from "../../../src/engine/plan/types";
import { createMemoryHost, MemoryWorkbook } from "../../../src/hosts/memory";

const SHEET = "党员名单";
const options: RunOptions = { rules: DEFAULT_RULES, today: "2026-12-05", unitName: "城关镇党委" };

/** A roster with a proposal ballot: every member proposed 合格 and passed, so every grade is 合格 but 张伟's. */
function ledger(): MemoryWorkbook {
  const header = ["序号", "姓名", "所在支部", "学时", "书面申请", "支部建议等次", "应到人数", "实到人数", "赞成"];
  const rows: unknown[][] = [
    [1, "张伟", "第一党支部", 52, "是", "合格", 9, 8, 7],
    [2, "王芳", "第一党支部", 46, "是", "合格", 9, 8, 8],
    [3, "李娜", "第二党支部", 60, "是", "优秀", 9, 8, 6],
    [4, "赵磊", "第二党支部", 55, "是", "合格", 9, 8, 8],
  ];
  return MemoryWorkbook.fromGrids([{ name: SHEET, values: [["城关镇党委党员评议台账"], header, ...rows, [], ["填表人：刘洋"]] }]);
}

/** Reads, evaluates and applies, as the pane's 评议 does. */
async function review(book: MemoryWorkbook, extra: Partial<RunOptions> = {}): Promise<RunResult> {
  const host = createMemoryHost(book);
  const result = evaluateWorkbook(await host.readWorkbook(), { ...options, ...extra });
  await host.applyPlan(result.plan);
  return result;
}

/** Column letter of one of our result headers on row 2. */
function column(book: MemoryWorkbook, header: string): string {
  const row = book.toGrids().find((g) => g.name === SHEET)!.values[1] as unknown[];
  const c = row.indexOf(header);
  if (c < 0) throw new Error(`no ${header}`);
  return String.fromCharCode(65 + c);
}

const member = (result: RunResult, name: string) => result.members.find((m) => m.member.name === name)!;
const branchGrades = (result: RunResult, branch: string) => result.branches.find((b) => b.branch === branch)!.grades;

describe("a secretary's own decision typed over our cells", () => {
  test("is kept in the cell, counted, marked 人工认定 and reported; untouched cells are refreshed", async () => {
    const book = ledger();
    const first = await review(book);
    const grade = column(book, "评议等次");
    const notes = column(book, "问题说明");
    const study = column(book, "学习情况");
    expect(book.value(SHEET, `${grade}3`)).toBe("合格");
    expect(branchGrades(first, "第一党支部").合格).toBe(2);

    // the 支委会 reconsiders 张伟; 王芳's hours are corrected
    book.sheet(SHEET)!.cell(2, grade.charCodeAt(0) - 65).value = "不合格";
    book.sheet(SHEET)!.cell(3, 3).value = 50;
    const second = await review(book);

    expect(book.value(SHEET, `${grade}3`)).toBe("不合格");
    expect(String(book.value(SHEET, `${notes}3`))).toMatch(/^人工认定：原评议为合格/);
    expect(member(second, "张伟").grade).toBe("不合格");
    expect(member(second, "张伟").actions.map((a) => a.code)).toContain("DISPOSE");
    expect(branchGrades(second, "第一党支部")).toMatchObject({ 合格: 1, 不合格: 1 });
    const summary = book.toGrids().find((g) => g.name === SHEET_NAMES.branches)!.values;
    const first支部 = summary.find((row) => row[0] === "第一党支部")!;
    expect(first支部[BRANCH_COLUMNS.indexOf("不合格")]).toBe(1);
    expect(second.manualCount).toBe(1);
    const report = toReport(second);
    expect(report.members.find((m) => m.name === "张伟")).toMatchObject({ manual: true, grade: "不合格", computedGrade: "合格" });
    expect(report.members.find((m) => m.name === "王芳")!.manual).toBe(false);
    // 王芳 was re-judged: her study cell follows the corrected hours
    expect(book.value(SHEET, `${study}4`)).toBe("达标（未查天数）");

    // a third run still keeps the decision, though the cell now equals what the record holds
    const third = await review(book);
    expect(book.value(SHEET, `${grade}3`)).toBe("不合格");
    expect(member(third, "张伟").manual?.grade).toEqual({ text: "不合格", computed: "合格" });

    // 恢复自动评议 for 张伟 writes the computed grade back, and the next run leaves it so
    const ref = report.members.find((m) => m.name === "张伟")!.ref;
    const reset = await review(book, { resetManual: [ref] });
    expect(member(reset, "张伟").manual).toBeUndefined();
    expect(book.value(SHEET, `${grade}3`)).toBe("合格");
    expect(String(book.value(SHEET, `${notes}3`) ?? "")).not.toContain("人工认定");
    const after = await review(book);
    expect(after.manualCount).toBe(0);
    expect(book.value(SHEET, `${grade}3`)).toBe("合格");
  });

  test("a decision on the outcome cell is kept and the grade still counted as computed", async () => {
    const book = ledger();
    await review(book);
    const outcome = column(book, "处置建议");
    book.sheet(SHEET)!.cell(3, outcome.charCodeAt(0) - 65).value = "支委会谈话提醒";
    const second = await review(book);
    expect(book.value(SHEET, `${outcome}4`)).toBe("支委会谈话提醒");
    expect(member(second, "王芳").manual?.outcome?.text).toBe("支委会谈话提醒");
    expect(member(second, "王芳").grade).toBe("合格");
  });

  test("a typed text that is no grade is kept, counted as 待定 and listed as a data issue", async () => {
    const book = ledger();
    await review(book);
    const grade = column(book, "评议等次");
    book.sheet(SHEET)!.cell(4, grade.charCodeAt(0) - 65).value = "暂缓评定";
    const second = await review(book);
    expect(book.value(SHEET, `${grade}5`)).toBe("暂缓评定");
    expect(member(second, "李娜").grade).toBe("待定");
    expect(second.issues.find((i) => i.code === "MANUAL_GRADE_UNKNOWN")).toMatchObject({ sheet: SHEET, cell: `${grade}5` });
  });

  test("rows sorted with our columns: the decision follows its member", async () => {
    const book = ledger();
    await review(book);
    const grade = column(book, "评议等次");
    const data = book.sheet(SHEET)!;
    data.cell(2, grade.charCodeAt(0) - 65).value = "基本合格";
    // sort the whole table by 学时 descending: 李娜, 赵磊, 张伟, 王芳
    const rows = data.rows.slice(2, 6);
    const order = [2, 3, 0, 1];
    order.forEach((from, i) => (data.rows[2 + i] = rows[from]));
    const second = await review(book);
    expect(member(second, "张伟").member.row).toBe(4);
    expect(member(second, "张伟").grade).toBe("基本合格");
    expect(book.value(SHEET, `${grade}5`)).toBe("基本合格");
    expect(second.manualCount).toBe(1);
  });

  test("rows sorted without our columns: stale cells of ours are not taken for decisions", async () => {
    const book = ledger();
    // give 王芳 a different grade from the others so that a stale cell shows
    book.sheet(SHEET)!.cell(3, 5).value = "基本合格";
    await review(book);
    const grade = column(book, "评议等次");
    const data = book.sheet(SHEET)!;
    // sort only the user's columns A:I (our block stays where it was)
    const user = data.rows.slice(2, 6).map((line) => line.slice(0, 9));
    [1, 0, 2, 3].forEach((from, i) => user[from].forEach((cell, c) => (data.rows[2 + i][c] = cell)));
    const second = await review(book);
    expect(second.manualCount).toBe(0);
    expect(book.value(SHEET, `${grade}3`)).toBe("基本合格"); // 王芳, now on row 3
    expect(book.value(SHEET, `${grade}4`)).toBe("合格");
  });
});
