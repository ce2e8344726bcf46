import { buildResultBlocks } from "../../../src/engine/plan/resultBlocks";
import { RESULT_HEADERS } from "../../../src/engine/plan/types";
import { DEFAULT_RULES, resolveRules } from "../../../src/engine/rules";
import { result, rosterTable } from "./fixtures";

const 张伟 = result({
  name: "张伟",
  branch: "机关第一党支部",
  row: 3,
  values: { studyHours: 46, concentratedDays: 3, satisfaction: 65 },
  statuses: { R1: "未达标", R2: "达标", R5: "未达标", R6: "未达标" },
  grade: "基本合格",
  pendingApproval: true,
  actions: ["WITHDRAW", "REWRITE", "ADMONISH", "MAKE_UP_STUDY"],
  reasons: ["学时 46 < 50，差 4 学时", "测评满意度 65 低于 70", "未提出书面申请"],
});
const 王芳 = result({
  name: "王芳",
  branch: "机关第一党支部",
  row: 5,
  values: { studyHours: 52, concentratedDays: 4, satisfaction: 70, applicationSubmitted: true },
  statuses: { R1: "达标", R2: "达标", R5: "达标", R6: "达标" },
  grade: "优秀",
  actions: ["COMMEND"],
});

describe("result block placement", () => {
  test("a first run starts just past the user's columns, a re-run replaces its block in place", () => {
    const [fresh] = buildResultBlocks([rosterTable({ userColumnEnd: 6 })], [张伟], DEFAULT_RULES);
    expect(fresh.firstColumn).toBe(6);
    const [rerun] = buildResultBlocks([rosterTable({ userColumnEnd: 6, resultBlockStart: 9 })], [张伟], DEFAULT_RULES);
    expect(rerun.firstColumn).toBe(9);
  });

  test("plain headers on the table's header row", () => {
    const [block] = buildResultBlocks([rosterTable()], [张伟], DEFAULT_RULES);
    expect(block.sheet).toBe("党员名单");
    expect(block.headerRow).toBe(2);
    expect(block.headers).toEqual(["学习情况", "满意度", "书面申请", "评议等次", "处置建议", "问题说明"]);
    expect(block.headers).toEqual([...RESULT_HEADERS]);
    expect(block.previousWidth).toBe(0);
    // every header fits its column: CJK characters take two units
    expect(block.widths).toEqual([24, 12, 14, 16, 36, 48]);
  });

  test("rows are dense from below the header to the last row; rows with no member are blank", () => {
    // Header "A3" (row 2), members on rows 4 and 6, a blank row 5, a 填表人 footer on row 8.
    const [block] = buildResultBlocks([rosterTable({ headerRow: 2, lastRow: 7 })], [张伟, 王芳], DEFAULT_RULES);
    expect(block.rows).toHaveLength(5);
    expect(block.rows.every((row) => row.length === 6)).toBe(true);
    expect(block.rows[0][3]).toBe("基本合格（待审批）");
    expect(block.rows[1]).toEqual(["", "", "", "", "", ""]);
    expect(block.rows[2][3]).toBe("优秀");
    expect(block.rows[3]).toEqual(["", "", "", "", "", ""]);
    expect(block.rows[4]).toEqual(["", "", "", "", "", ""]);
  });

  test("group header: the row above, the top of a two-row header, or none on the first row", () => {
    const groupRow = (headerTop: number, headerRow: number) =>
      buildResultBlocks([rosterTable({ headerTop, headerRow, lastRow: 7 })], [张伟], DEFAULT_RULES)[0].groupHeaderRow;
    expect(groupRow(2, 2)).toBe(1);
    expect(groupRow(0, 0)).toBeNull();
    expect(groupRow(1, 2)).toBe(1);
    expect(groupRow(0, 2)).toBe(0);
  });

  test("only roster tables holding members get a block, each on its own sheet", () => {
    const score = rosterTable({ sheet: "学时统计", isRoster: false });
    const empty = rosterTable({ sheet: "空白名单" });
    const second = rosterTable({ sheet: "第二支部名单" });
    const 李娜 = result({ name: "李娜", sheet: "第二支部名单", branch: "机关第二党支部", row: 4 });
    const blocks = buildResultBlocks([rosterTable(), score, empty, second], [张伟, 李娜], DEFAULT_RULES);
    expect(blocks.map((b) => b.sheet)).toEqual(["党员名单", "第二支部名单"]);
    expect(blocks[1].rows[1][3]).toBe("合格");
  });
});

describe("result cell texts", () => {
  const cells = (r: ReturnType<typeof result>, rules = DEFAULT_RULES) => buildResultBlocks([rosterTable({ lastRow: 20 })], [r], rules)[0].rows[r.member.row - 3];

  test("a member short of hours, below 70 and with no application", () => {
    expect(cells(张伟)).toEqual([
      "未达标：学时 46 < 50，差 4 学时",
      "低于70：65",
      "未提出书面申请",
      "基本合格（待审批）",
      "未提出书面申请，原则上按自愿退党或自行脱党处理（待支部确认）；重点帮助，重新撰写党性分析材料；诫勉谈话，指出差距，帮助改进；补学：学时差 4 学时",
      "学时 46 < 50，差 4 学时；测评满意度 65 低于 70；未提出书面申请",
    ]);
  });

  test("a member who meets everything; exactly 70 passes", () => {
    expect(cells(王芳).slice(0, 5)).toEqual(["达标", "70", "已提交", "优秀", "表彰"]);
  });

  test("blank cells read 未录入, missing columns 不适用", () => {
    const blank = result({ name: "赵磊", row: 4, statuses: { R1: "未录入", R2: "未录入", R5: "未录入", R6: "未录入" }, grade: "待定" });
    expect(cells(blank).slice(0, 4)).toEqual(["未录入", "未录入", "未录入", "待定"]);
    const noColumns = result({ name: "赵磊", row: 4, grade: "不评定" });
    expect(cells(noColumns).slice(0, 4)).toEqual(["不适用", "不适用", "不适用", "不评定"]);
    const noDays = result({ name: "孙丽", row: 4, values: { studyHours: 55 }, statuses: { R1: "达标", R2: "未录入" } });
    expect(cells(noDays)[0]).toBe("未录入：集中学习天数");
    // one study column missing from the workbook: 达标 says what was not checked
    const noHoursColumn = result({ name: "钱芳", row: 4, values: { concentratedDays: 4 }, statuses: { R1: "不适用", R2: "达标" } });
    expect(cells(noHoursColumn)[0]).toBe("达标（未查学时）");
    const noDaysColumn = result({ name: "李军", row: 4, values: { studyHours: 55 }, statuses: { R1: "达标", R2: "不适用" } });
    expect(cells(noDaysColumn)[0]).toBe("达标（未查天数）");
  });

  test("several shortfalls are all named; attendance quotes the unit's threshold", () => {
    const resolved = resolveRules({ attendance: { minRate: 80 } });
    if (!resolved.ok) throw new Error("rules did not resolve");
    const short = result({
      name: "周强",
      row: 4,
      values: { studyHours: 42.5, concentratedDays: 2, sessionsDue: 10, sessionsAttended: 6 },
      statuses: { R1: "未达标", R2: "未达标", R3: "未达标" },
    });
    expect(cells(short, resolved.rules)[0]).toBe("未达标：学时 42.5 < 50，差 7.5 学时；集中学习 2 天 < 3 天；考勤 60% < 80%");
  });

  test("satisfaction from vote counts never prints a failing value as the threshold", () => {
    // 满意 0, 比较满意 0, 基本满意 6999, 不满意 3001 → 69.99
    const nearly = result({
      name: "吴敏",
      row: 4,
      values: { satisfied: 0, fairlySatisfied: 0, basicallySatisfied: 6999, dissatisfied: 3001 },
      statuses: { R5: "未达标" },
    });
    expect(cells(nearly)[1]).toBe("低于70：69.9");
    const twoThirds = result({ name: "吴敏", row: 4, values: { satisfied: 2, dissatisfied: 1 }, statuses: { R5: "未达标" } });
    expect(cells(twoThirds)[1]).toBe("低于70：66.6");
  });

  test("text that would start a formula is defused, and no cell starts with = + - @", () => {
    const odd = result({ name: "=HYPERLINK(\"x\")", row: 4, reasons: ["=HYPERLINK(\"http://x\")", "-1 学时"], grade: "合格" });
    const row = cells(odd);
    expect(row[5]).toBe("＝HYPERLINK(\"http://x\")；-1 学时");
    for (const r of [张伟, 王芳, odd]) for (const text of cells(r)) expect(text).not.toMatch(/^[=+\-@]/);
  });
});

describe("rows in any order", () => {
  test("results out of sheet order still land on their own rows", () => {
    const [block] = buildResultBlocks([rosterTable({ lastRow: 7 })], [王芳, 张伟], DEFAULT_RULES);
    expect(block.rows.map((row) => row[3])).toEqual(["基本合格（待审批）", "", "优秀", "", ""]);
  });
});
