import { RESULT_HEADERS } from "../plan/types";
import type { CellRange, ColumnOverrides, DataIssue, FieldId, HeaderCandidate, MemberRecord, RecognisedTable, SheetGrid, WorkbookInput } from "../types";
import { a1 } from "../address";
import { joinTables, type MemberTable } from "./join";
import { HeaderLocator, type BlockHint, type LocatedHeader } from "./locate";
import { mayMean } from "./match";
import { FIELD_KINDS } from "./values";
import { readRows } from "./rows";
import { readUnitSurvey, unitColumn, type UnitSurveyCounts } from "./unit-survey";
import { rowUserEnd, userMergesFrom } from "./group-row";
import { unitNameAbove, unitNameFromTitle } from "./unit-name";
import { notMembers } from "./whose";
import { setAsideIssues } from "./set-aside";
import { appendAll } from "../lists";
import { isOursToSkip } from "../memory/our-sheets";
import { BLOCK_MARKER, parseRangeFormula } from "../memory/markers";

export type { UnitSurveyCounts } from "./unit-survey";
export { cellOf } from "./member";

export interface ReadResult {
  /** Every recognised member table (roster first). */
  tables: RecognisedTable[];
  /** Roster rows joined with every score sheet. */
  members: MemberRecord[];
  /** Fields with a column in the roster or a joined table. */
  presentFields: Set<FieldId>;
  /** The header text the user wrote, for messages. */
  fieldHeaders: Partial<Record<FieldId, string>>;
  issues: DataIssue[];
  /** §4 unit-level survey tables (单位 + 满意/基本满意/不满意, no 姓名). */
  unitSurveys: UnitSurveyCounts[];
  /** The unit named above the roster ("填报单位：…", else a title such as "城关镇党委党员名单"), if any. */
  unitNameHint?: string;
  /** Tables of people who are not Party members (入党积极分子, 发展对象, 群众): not read as members. */
  notMemberTables: { sheet: string; evidence: string }[];
  /** Columns the reader recognised in tables without a name column, which it could not read. */
  namelessColumns: HeaderCandidate[];
}

const [, , , GRADE_HEADER, OUTCOME_HEADER] = RESULT_HEADERS;
const FIELD_IDS = Object.keys(FIELD_KINDS) as FieldId[];

const ROSTER_SHEET_NAME = /名单|名册|花名册|roster/i;

function origin(grid: SheetGrid): { row: number; col: number } {
  const o = grid.origin;
  const row = o && Number.isInteger(o.row) && o.row >= 0 ? o.row : 0;
  const col = o && Number.isInteger(o.col) && o.col >= 0 ? o.col : 0;
  return { row, col };
}

/** Merges moved into grid coordinates; malformed ones dropped. */
function gridMerges(grid: SheetGrid, o: { row: number; col: number }): CellRange[] {
  if (!Array.isArray(grid.merges)) return [];
  const out: CellRange[] = [];
  for (const m of grid.merges) {
    if (!m || typeof m !== "object") continue;
    const { top, left, bottom, right } = m;
    if (![top, left, bottom, right].every((n) => Number.isInteger(n))) continue;
    out.push({ top: top - o.row, left: left - o.col, bottom: bottom - o.row, right: right - o.col });
  }
  return out;
}

/** The mapping after the task pane's overrides: sheet column → grid column, null unmaps. */
function applyOverrides(located: LocatedHeader, override: ColumnOverrides[string] | undefined, o: { col: number }) {
  const columns = new Map<FieldId, number>(located.mapped.map((m) => [m.field, m.col]));
  const headers: Partial<Record<FieldId, string>> = {};
  for (const m of located.mapped) headers[m.field] = m.header;
  if (override && typeof override === "object") {
    for (const field of Object.keys(override).sort() as FieldId[]) {
      const target = override[field];
      if (target === null) {
        columns.delete(field);
        delete headers[field];
        continue;
      }
      if (typeof target !== "number" || !Number.isInteger(target) || target - o.col < 0) continue;
      const col = target - o.col;
      for (const [other, c] of columns) if (c === col && other !== field) {
        columns.delete(other);
        delete headers[other];
      }
      columns.set(field, col);
      headers[field] = located.texts[col] || a1(located.headerRow, target);
    }
  }
  return { columns, headers };
}

/** The block marker's header cells in grid coordinates, when the sheet has one. */
function blockHint(grid: SheetGrid, o: { row: number; col: number }): BlockHint | undefined {
  const names = grid.names;
  const rect = names && typeof names === "object" ? parseRangeFormula(names[BLOCK_MARKER]) : null;
  if (!rect || rect.top !== rect.bottom) return undefined;
  return { row: rect.top - o.row, left: rect.left - o.col, right: rect.right - o.col };
}

/** Sheet columns of our previous block's 评议等次 and 处置建议 (the cells a secretary may have decided). */
function previousBlockOf(located: LocatedHeader, o: { col: number }): RecognisedTable["previousBlock"] {
  const { blockStart, blockEnd, ours } = located;
  if (blockStart === undefined || blockEnd === undefined) return undefined;
  const find = (header: string) => {
    for (let c = blockStart; c <= blockEnd; c++) if (ours[c] === header) return c + o.col;
    return undefined;
  };
  const gradeCol = find(GRADE_HEADER);
  const outcomeCol = find(OUTCOME_HEADER);
  return gradeCol === undefined && outcomeCol === undefined ? undefined : { gradeCol, outcomeCol };
}

/** The fields a header not recognised may have been meant for, among those the table lacks. */
function guessesFor(header: string, columns: Map<FieldId, number>): FieldId[] {
  return FIELD_IDS.filter((field) => !columns.has(field) && mayMean(header, field));
}

/**
 * The table with its sheet rows, listed when first asked for (the task pane shows how many):
 * 160,000 numbers nobody else reads. The getter is made here, apart from the reading loop: made
 * there, it would share the loop's scope and keep every sheet's grid alive through the run.
 */
function withDataRows(table: Omit<RecognisedTable, "dataRows">, source: { rows: Int32Array; length: number }): RecognisedTable {
  const rows = source.rows;
  const length = source.length;
  let list: number[] | undefined;
  return Object.defineProperty(table, "dataRows", { get: () => (list ??= Array.from(rows.subarray(0, length))), enumerable: true, configurable: true }) as RecognisedTable;
}

/**
 * Reads every sheet of a workbook: finds the member tables, parses them and joins them.
 * `tableRead` is told each member table as soon as it is read, with the grid it came from.
 */
export function readWorkbook(input: WorkbookInput, overrides?: ColumnOverrides, tableRead?: (table: RecognisedTable, grid: SheetGrid) => void): ReadResult {
  const locator = new HeaderLocator();
  const issues: DataIssue[] = [];
  const memberTables: MemberTable[] = [];
  const unitSurveys: UnitSurveyCounts[] = [];
  const notMemberTables: ReadResult["notMemberTables"] = [];
  const namelessColumns: HeaderCandidate[] = [];
  const sheets = input && Array.isArray(input.sheets) ? input.sheets : [];

  for (const raw of sheets) {
    if (!raw || typeof raw !== "object") continue;
    const grid: SheetGrid = { ...raw, name: String(raw.name ?? ""), values: Array.isArray(raw.values) ? raw.values : [] };
    const o = origin(grid);
    if (isOursToSkip(grid)) continue;
    appendAll(issues, setAsideIssues(grid));
    const merges = gridMerges(grid, o);
    const located = locator.locate(grid.values, merges, blockHint(grid, o));
    if (!located) continue;
    const { columns, headers } = applyOverrides(located, overrides?.[grid.name], o);

    for (const d of located.duplicates) {
      if (columns.get(d.field) !== d.firstCol) continue;
      issues.push({
        code: "HEADER_DUPLICATE",
        sheet: grid.name,
        cell: a1(located.headerRow + o.row, d.col + o.col),
        value: d.header,
        params: { header: d.header, first: a1(located.headerRow + o.row, d.firstCol + o.col) },
      });
    }

    if (columns.has("name")) {
      const not = notMembers(grid, located.headerTop, located.headerRow, located.texts, o);
      if (not) {
        issues.push({ code: "NOT_MEMBER_TABLE", sheet: grid.name, cell: not.cell, value: not.evidence, params: { sheet: grid.name, evidence: not.evidence } });
        notMemberTables.push({ sheet: grid.name, evidence: not.evidence });
        continue;
      }
    }

    if (!columns.has("name")) {
      const unitCol = unitColumn(located, columns);
      if (unitCol !== undefined) {
        const survey = readUnitSurvey(grid, located, columns, unitCol, o);
        appendAll(unitSurveys, survey.surveys);
        appendAll(issues, survey.issues);
      } else {
        // columns the rules read, in a table nobody can be joined from: say so, never drop it unseen
        const found = [...columns.entries()].sort((a, b) => a[1] - b[1]).map(([field, col]) => ({ field, sheet: grid.name, cell: a1(located.headerRow + o.row, col + o.col), header: headers[field] ?? "" }));
        issues.push({
          code: "NO_NAME_COLUMN",
          sheet: grid.name,
          // the header's first cell: where the table starts, whatever the used range around it
          cell: a1(located.headerRow + o.row, Math.max(0, located.texts.findIndex((text) => text !== "")) + o.col),
          params: { sheet: grid.name, row: located.headerRow + o.row + 1, headers: found.map((f) => `“${f.header}”`).join("、") },
        });
        appendAll(namelessColumns, found);
      }
      continue;
    }

    const read = readRows({ grid, originRow: o.row, originCol: o.col, headerTop: located.headerTop, headerRow: located.headerRow, columns, headers, blockStart: located.blockStart, blockEnd: located.blockEnd, marked: located.marked, merges });
    appendAll(issues, read.issues);
    const mappedCols = new Set(columns.values());
    const sheetColumns: Partial<Record<FieldId, number>> = {};
    for (const [field, col] of columns) sheetColumns[field] = col + o.col;
    const unmappedHeaders: RecognisedTable["unmappedHeaders"] = located.unmapped.filter((u) => !mappedCols.has(u.col)).map((u) => ({ col: u.col + o.col, header: u.header }));
    for (const m of located.mapped) {
      if (!mappedCols.has(m.col)) unmappedHeaders.push({ col: m.col + o.col, header: m.header });
    }
    unmappedHeaders.sort((a, b) => a.col - b.col);
    for (const u of unmappedHeaders) {
      const mayBe = guessesFor(locator.norm(u.header), columns);
      if (mayBe.length > 0) u.mayBe = mayBe;
    }
    // A previous block is replaced in place only when the new one fits before the user's next
    // column and crosses none of the user's merged cells; else the block goes right of all of them.
    const tableMerges = userMergesFrom(grid.values, merges, located.headerTop);
    const blockStart = located.blockStart;
    const inPlace =
      blockStart !== undefined &&
      (read.afterBlock === undefined || read.afterBlock >= blockStart + RESULT_HEADERS.length) &&
      !tableMerges.some((m) => m.left < blockStart + RESULT_HEADERS.length && m.right >= blockStart);
    const userEnd = tableMerges.reduce((end, m) => Math.max(end, m.right + 1), read.userEnd);
    const groupRow = located.headerTop < located.headerRow ? located.headerTop : located.headerRow - 1;
    const groupRowEnd = rowUserEnd(grid.values, merges, groupRow);
    const previousBlock = previousBlockOf(located, o);
    const table = withDataRows(
      {
        sheet: grid.name,
        headerRow: located.headerRow + o.row,
        headerTop: located.headerTop + o.row,
        columns: sheetColumns,
        unmappedHeaders,
        isRoster: false,
        ...(inPlace ? { resultBlockStart: blockStart + o.col, resultBlockWidth: located.blockEnd! - blockStart + 1 } : {}),
        ...(previousBlock ? { previousBlock } : {}),
        userColumnEnd: userEnd + o.col,
        lastRow: o.row + grid.values.length - 1,
        ...(groupRowEnd > 0 ? { groupRowEnd: groupRowEnd + o.col } : {}),
      },
      read.source,
    );
    const fields = new Set(columns.keys());
    if (read.branchesFromSections) fields.add("branch");
    memberTables.push({ table, source: read.source, headers, fields, unitName: unitNameAbove(grid, located.headerTop), titleUnitName: unitNameFromTitle(grid, located.headerTop) });
    tableRead?.(table, raw);
  }

  if (memberTables.length === 0) {
    issues.push({ code: "NO_MEMBER_TABLE", sheet: "", cell: "", params: {} });
    return { tables: [], members: [], presentFields: new Set(), fieldHeaders: {}, issues, unitSurveys, notMemberTables, namelessColumns };
  }

  const roster = pickRoster(memberTables);
  roster.table.isRoster = true;
  const scores = memberTables.filter((t) => t !== roster);
  const joined = joinTables(roster, scores);
  appendAll(issues, joined.issues);

  const presentFields = new Set<FieldId>();
  const fieldHeaders: Partial<Record<FieldId, string>> = {};
  for (const t of [roster, ...scores]) {
    for (const f of t.fields) {
      presentFields.add(f);
      if (fieldHeaders[f] === undefined && t.headers[f] !== undefined) fieldHeaders[f] = t.headers[f];
    }
  }
  // a 填报单位 line anywhere first, then the roster's title naming the unit
  const unitNameHint = [roster, ...scores].find((t) => t.unitName !== undefined)?.unitName ?? titleUnit(roster);
  return {
    tables: [roster, ...scores].map((t) => t.table),
    members: joined.members,
    presentFields,
    fieldHeaders,
    issues,
    unitSurveys,
    notMemberTables,
    namelessColumns,
    ...(unitNameHint !== undefined ? { unitNameHint } : {}),
  };
}

/** The unit the roster's title names; not a branch's name over a list of several branches. */
function titleUnit(roster: MemberTable): string | undefined {
  const name = roster.titleUnitName;
  if (name === undefined || !/支部$/.test(name)) return name;
  const branches = roster.source.branches;
  for (let k = 1; k < roster.source.length; k++) if (branches[k] !== undefined && branches[0] !== undefined && branches[k] !== branches[0]) return undefined;
  return name;
}

/** The roster: a sheet named as a list (名单, 花名册) first, then the most fields, a branch column, the most rows. */
function pickRoster(tables: MemberTable[]): MemberTable {
  let best = tables[0];
  const rank = (t: MemberTable) => [ROSTER_SHEET_NAME.test(t.table.sheet) ? 1 : 0, t.fields.size, t.fields.has("branch") ? 1 : 0, t.source.length];
  for (const t of tables.slice(1)) {
    const a = rank(t);
    const b = rank(best);
    for (let i = 0; i < a.length; i++) {
      if (a[i] === b[i]) continue;
      if (a[i] > b[i]) best = t;
      break;
    }
  }
  return best;
}
