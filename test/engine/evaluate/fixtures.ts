import type { CellRef, FieldId, MemberRecord, MemberValues } from "../../../src/engine/types";

/**
 * A branch secretary's roster "党员评议表": a title on row 1, headers on row 3, members from
 * row 4, one column per field in this order.
 */
export const SHEET = "党员评议表";
const COLUMNS: FieldId[] = [
  "name",
  "branch",
  "category",
  "studyHours",
  "concentratedDays",
  "sessionsDue",
  "sessionsAttended",
  "monthsAbsent",
  "analysisSubmitted",
  "satisfaction",
  "satisfied",
  "fairlySatisfied",
  "basicallySatisfied",
  "dissatisfied",
  "rectified",
  "applicationSubmitted",
  "proposedGrade",
  "votersDue",
  "votersPresent",
  "votesFor",
  "votesAgainst",
  "votesAbstain",
  "votesExcellent",
  "votesQualified",
  "votesBasic",
  "votesUnqualified",
  "approved",
  "excellentNominated",
  "disciplined",
  "publicized",
];
const FIRST_DATA_ROW = 3; // 0-based: sheet row 4

function letter(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The A1 address of a field's cell on the member at `index` (0-based among members). */
export function cellOf(field: FieldId, index: number): string {
  return `${letter(COLUMNS.indexOf(field))}${FIRST_DATA_ROW + index + 1}`;
}

export type Row = MemberValues & { name: string; branch?: string };

/** Member records as the reader would produce them, with a cell reference for every column in `present`. */
export function roster(rows: Row[], present: ReadonlySet<FieldId>): MemberRecord[] {
  return rows.map((row, i) => {
    const { name, branch, ...values } = row;
    const cells: Partial<Record<FieldId, CellRef>> = {};
    for (const field of present) cells[field] = { sheet: SHEET, cell: cellOf(field, i) };
    return { key: `${name}|${branch ?? ""}`, sheet: SHEET, row: FIRST_DATA_ROW + i, name, branch, values, cells };
  });
}

export function fields(...list: FieldId[]): Set<FieldId> {
  return new Set<FieldId>(["name", "branch", ...list]);
}

/** Every column of the full evaluation sheet. */
export const ALL_FIELDS: Set<FieldId> = new Set(COLUMNS);
