import type { SheetGrid } from "../types";
import { a1 } from "../address";
import { plain, plainText } from "./cell";
import { clip } from "./text";

/** Words of a title or sheet name for a list of people who are not (yet) Party members. */
const NOT_MEMBERS = /入党积极分子|积极分子|发展对象|入党申请人|申请入党人员|非党员|群众名单|群众花名册|群众名册|群众信息|共青团员|团员名单|团员花名册/g;
/** Headers that only a Party member's row has. */
const MEMBER_ONLY = /入党时间|入党日期|入党年月|转正时间|转正日期|党龄|党费|预备期|党员编号|党员类别|党员身份|正式\/预备|正式或预备/;
/** Headers that only a non-member's row has. */
const NON_MEMBER_ONLY = /积极分子时间|确定为积极分子|列为积极分子|发展对象时间|确定为发展对象|列为发展对象|递交入党申请|入党申请时间|申请入党时间|入党申请书|培养联系人|培养人/;

/** Text saying the people are not members, unless it speaks of 党员 too (党员和入党积极分子…): a mixed list is not refused. */
function saysNotMembers(text: string): boolean {
  NOT_MEMBERS.lastIndex = 0;
  if (!NOT_MEMBERS.test(text)) return false;
  return !text.replace(NOT_MEMBERS, "").includes("党员");
}

export interface NotMembers {
  /** Where it was seen: a title cell, a header cell, or "" for the sheet's name. */
  cell: string;
  /** The user's own words that say so (a title, a header, the sheet's name). */
  evidence: string;
}

/**
 * Whether a table with names is a list of people who are not Party members (入党积极分子, 发展对象,
 * 群众): its sheet name, a title above it or one of its headers says so, and none of its headers
 * is one only a member's row has (入党时间, 党员类别…). Such a table is not graded as members.
 */
export function notMembers(grid: SheetGrid, headerTop: number, headerRow: number, headers: readonly string[], origin: { row: number; col: number }): NotMembers | undefined {
  if (headers.some((h) => MEMBER_ONLY.test(h))) return undefined;
  for (let r = 0; r < headerTop && r < grid.values.length; r++) {
    const row = Array.isArray(grid.values[r]) ? grid.values[r] : [];
    for (let c = 0; c < row.length; c++) {
      const text = plainText(plain(row[c])).trim();
      if (text && saysNotMembers(text)) return { cell: a1(r + origin.row, c + origin.col), evidence: clip(text) };
    }
  }
  if (saysNotMembers(grid.name)) return { cell: "", evidence: grid.name };
  const c = headers.findIndex((h) => NON_MEMBER_ONLY.test(h));
  if (c >= 0) return { cell: a1(headerRow + origin.row, c + origin.col), evidence: clip(headers[c]) };
  return undefined;
}
