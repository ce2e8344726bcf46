import { RESULT_HIGHLIGHTS } from "../../../src/engine/plan/highlights";
import {
  BRANCH_COLUMNS,
  RESULT_HEADERS,
  SHEET_MARK,
  SHEET_NAMES,
  type PlanCell,
  type ResultBlockPlan,
  type SheetPlan,
  type WorkbookPlan,
} from "../../../src/engine/plan/types";
import { MemoryWorkbook } from "../../../src/hosts/memory";

const BRANCHES = ["机关第一党支部", "机关第二党支部", "离退休党支部"];
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
const GIVEN = ["建国", "红", "敏", "伟", "芳", "军", "丽", "强", "磊", "静"];

export const ROSTER = "党员名单";

/** Member i's data row (sheet row 2 + i, i.e. "A3" for the first). */
function memberRow(i: number): unknown[] {
  return [i + 1, SURNAMES[i % 10] + GIVEN[Math.floor(i / 10) % 10] + (i >= 100 ? String(i) : ""), BRANCHES[i % 3], 40 + (i % 20), 60 + (i % 40)];
}

/**
 * A roster as a secretary keeps it: a title row, headers in row 2, one row per member, a blank
 * line and a footer; plus a study-record sheet of her own.
 */
export function rosterBook(members: number): MemoryWorkbook {
  const values: unknown[][] = [["机关党委2025年度民主评议党员台账"], ["序号", "姓名", "所在支部", "学时（小时）", "满意度（%）"]];
  const formats: (string | null)[][] = [[null], [null, null, null, null, null]];
  for (let i = 0; i < members; i++) {
    values.push(memberRow(i));
    formats.push([null, null, null, "0.0", null]);
  }
  values.push([]);
  values.push(["填表人：张三", null, "审核人：李四", null, "日期：2025年3月1日"]);
  const book = MemoryWorkbook.fromGrids([
    { name: ROSTER, values, numberFormats: formats },
    {
      name: "学习记录",
      values: [
        ["日期", "内容", "学时"],
        [45717, "集中学习党章", 4],
        [45724, "专题党课", 3],
      ],
      numberFormats: [[null], ["yyyy/m/d", null, null], ["yyyy/m/d", null, null]],
    },
  ]);
  const title = book.sheet(ROSTER)!.cell(0, 0);
  title.bold = true;
  title.fill = "#FFF2CC";
  return book;
}

/** The result texts of member i, as the engine words them (some start with = - @ or look like numbers). */
export function resultRow(i: number, variant = 0): string[] {
  const grades = ["合格", "优秀", "基本合格", "不合格", "合格（待审批）", "待定"];
  const grade = grades[(i + variant) % grades.length];
  const study = (40 + (i % 20)) >= 50 ? "达标" : `未达标：差 ${50 - (40 + (i % 20))} 学时`;
  const satisfaction = 60 + (i % 40) < 70 ? `低于70：${60 + (i % 40)}` : String(60 + (i % 40));
  const application = i % 7 === 0 ? "未提出书面申请" : "已提交";
  const action = grade === "不合格" ? "组织处置" : grade === "优秀" ? "表彰" : study === "达标" ? "" : "补学：学时差 4 学时";
  const notes = [
    "",
    "=学时 46 < 50，差 4 学时；集中学习 4 天 < 5 天，差 1 天；满意度 65 < 70，需重新撰写党性分析材料，请支部于 5 月 10 日前完成整改并报党委备案",
    "-满意度未录入；书面申请未录入；支部大会表决票数未录入，无法确定评议等次",
    "@支部书记复核：连续 6 个月未参加组织生活，按规定视为自行脱党，报党委审批后予以除名",
    "+1 票弃权；实到 18 人，赞成 17 票，同意票超过实到会人数半数",
  ][i % 5];
  return [study, satisfaction, application, grade, action, notes];
}

export const F = 5; // result block starts in column F

/** A result block plan; `previousWidth` 6 when it replaces one written before. */
export function resultBlock(members: number, variant = 0, previousWidth = 0): ResultBlockPlan {
  const rows = Array.from({ length: members }, (_, i) => resultRow(i, variant));
  rows.push(["", "", "", "", "", ""], ["", "", "", "", "", ""]); // blank line and footer
  return {
    sheet: ROSTER,
    firstColumn: F,
    previousWidth,
    headerRow: 1,
    groupHeaderRow: 0,
    headers: [...RESULT_HEADERS],
    rows,
    highlights: RESULT_HIGHLIGHTS.map((h) => ({ column: h.column, rules: [...h.rules] })),
    widths: [24, 12, 14, 16, 36, 48],
  };
}

function title(what: string): PlanCell[] {
  return [`${SHEET_MARK} · ${what} · 机关党委（2025-03-20）`];
}

export function branchSheet(): SheetPlan {
  const header = [...BRANCH_COLUMNS] as PlanCell[];
  const row = (name: string, k: number): PlanCell[] =>
    BRANCH_COLUMNS.map((col, c) => (c === 0 ? name : col === "学习达标率" ? 0.8 + k / 100 : col === "平均学时" ? 51.25 + k : col === "平均满意度" ? 82.5 : k + c));
  const rows = [title("支部汇总"), header, ...BRANCHES.map((b, k) => row(b, k)), row("合计", 9)];
  const col = (name: string) => BRANCH_COLUMNS.indexOf(name as (typeof BRANCH_COLUMNS)[number]);
  return {
    name: SHEET_NAMES.branches,
    kind: "branches",
    rows,
    headerRow: 1,
    boldRows: [rows.length - 1],
    percentColumns: [col("学习达标率")],
    decimalColumns: [col("平均学时"), col("平均满意度")],
    widths: BRANCH_COLUMNS.map((h) => Math.max(8, h.length * 2 + 2)),
    highlights: [{ column: col("不合格"), rules: [{ match: "equals", text: "0", colour: "green" }] }],
    chart: {
      title: "各支部评议等次",
      categoryColumn: 0,
      seriesColumns: [col("优秀"), col("合格"), col("基本合格"), col("不合格"), col("待定")],
      colours: ["#8ED19B", "#C6EFCE", "#FFEB9C", "#FFC7CE", "#D9D9D9"].map((fill) => ({ fill, line: "#595959" })),
      majorUnit: 2,
      anchor: { row: rows.length + 1, column: 0 },
      headerRow: 1,
      firstRow: 2,
      lastRow: 2 + BRANCHES.length - 1,
    },
  };
}

export function stageSheet(): SheetPlan {
  const rows: PlanCell[][] = [title("阶段汇总"), ["阶段", "开始", "结束", "状态", "支部", "已完成", "未完成"]];
  for (const [stage, start, end, status] of [
    ["学习教育", "2025-03-01", "2025-03-31", "已结束"],
    ["查找问题", "2025-04-01", "2025-04-20", "进行中"],
    ["评议处置", "2025-04-21", "2025-05-10", "未开始"],
  ]) {
    for (const b of BRANCHES) rows.push([stage, start, end, status, b, 10, 2]);
    rows.push([stage, start, end, status, "合计", 30, 6]);
  }
  return {
    name: SHEET_NAMES.stages,
    kind: "stages",
    rows,
    headerRow: 1,
    boldRows: [5, 9, 13],
    percentColumns: [],
    decimalColumns: [],
    widths: [12, 12, 12, 8, 16, 8, 8],
    highlights: [
      {
        column: 3,
        rules: [
          { match: "equals", text: "进行中", colour: "amber" },
          { match: "equals", text: "已结束", colour: "green" },
        ],
      },
    ],
  };
}

export function issuesSheet(count = 4): SheetPlan {
  const rows: PlanCell[][] = [title("数据问题"), ["序号", "工作表", "单元格", "值", "问题"]];
  for (let i = 0; i < count; i++) rows.push([i + 1, ROSTER, `D${i + 3}`, i % 2 ? "四十" : "-5", i % 2 ? "学时应为数字" : "学时不能为负数"]);
  return { name: SHEET_NAMES.issues, kind: "issues", rows, headerRow: 1, boldRows: [], percentColumns: [], decimalColumns: [], widths: [6, 12, 8, 10, 40], highlights: [] };
}

/** A plan as the engine makes it; `again` when it replaces what fullPlan wrote before (its block and sheets). */
export function fullPlan(members: number, variant = 0, again = false): WorkbookPlan {
  const sheets = [branchSheet(), stageSheet(), issuesSheet()];
  return { resultBlocks: [resultBlock(members, variant, again ? 6 : 0)], sheets, removeSheets: again ? sheets.map((s) => s.name) : [], names: [] };
}

/** Every cell (value, formats) of the sheet outside columns [fromCol, toCol], as "A1" → JSON. */
export function snapshot(book: MemoryWorkbook, sheet: string, skip?: { fromCol: number; toCol: number; fromRow?: number }): Map<string, string> {
  const data = book.sheet(sheet)!;
  const out = new Map<string, string>();
  data.rows.forEach((line, r) =>
    line?.forEach((cell, c) => {
      if (!cell) return;
      if (skip && c >= skip.fromCol && c <= skip.toCol && r >= (skip.fromRow ?? 0)) return;
      out.set(`${r},${c}`, JSON.stringify(cell));
    }),
  );
  return out;
}

export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
