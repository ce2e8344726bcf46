import { MemoryWorkbook } from "../../../src/hosts/memory";
import type { CellRange } from "../../../src/engine/types";

export const SHEET = "党员名单";
export const HEADERS = ["序号", "姓名", "性别", "所在支部", "满意度（%）", "学时（小时）"];
const BRANCHES = ["机关第一党支部", "机关第二党支部", "离退休党支部"];
const NAMES = ["王建国", "李红", "张敏", "刘伟", "陈芳", "杨军", "赵丽", "黄强", "周磊", "吴静"];
export const NOTE = "备注：学时以党校网络学院导出数据为准，满意度取支部测评结果";
export const TITLE = "机关党委2025年度民主评议党员台账";

/** The user's reminder column right of the table: empty for everyone above 50 hours. */
export const reminder = (sheetRow: number) => `=IF(F${sheetRow}>50,"","补")`;

export interface Layout {
  /** Rows above the header: a title (row 1) and, when set, a note (row 2). */
  note?: boolean;
  /** How far right (0-based column) the title and the note are merged. */
  titleRight?: number;
  noteRight?: number;
  /** A formula column G (no header) reminding who must make up hours; every member shows "". */
  formulas?: boolean;
}

/**
 * A roster as a secretary keeps it: a title merged over the table, maybe a note merged in the
 * row above the header, the header, and members whose study hours are all above 50.
 */
export function rosterWithUserCells(members: number, layout: Layout): MemoryWorkbook {
  const values: unknown[][] = [[TITLE]];
  const merges: CellRange[] = [{ top: 0, left: 0, bottom: 0, right: layout.titleRight ?? 5 }];
  if (layout.note) {
    values.push([NOTE]);
    merges.push({ top: 1, left: 0, bottom: 1, right: layout.noteRight ?? 12 });
  }
  values.push(HEADERS);
  for (let i = 0; i < members; i++) {
    const row: unknown[] = [i + 1, NAMES[i % 10] + (i >= 10 ? String(i) : ""), i % 2 ? "女" : "男", BRANCHES[i % 3], 75 + (i % 20), 51 + (i % 20)];
    if (layout.formulas) row.push({ formula: reminder(values.length + 1), result: "" });
    values.push(row);
  }
  return MemoryWorkbook.fromGrids([{ name: SHEET, values, merges }]);
}
