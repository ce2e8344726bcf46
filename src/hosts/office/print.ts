import { planWidth } from "../../engine/plan/sheetCommon";
import type { PlanLink, PrintPlan, SheetPlan } from "../../engine/plan/types";
import { borderedAreas, printLayout } from "../../engine/plan/print";
import { a1 } from "./address";
import { CALL_BYTES, type WriteUnit } from "./batches";
import type { XlBorderIndex, XlContext, XlRange, XlWorksheet } from "./excel-api";
import { jsonBytes } from "./text";

/** The thin grey line round the cells of a printed table. */
export const BORDER_COLOUR = "#BFBFBF";
const TABLE_EDGES: readonly XlBorderIndex[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"];
const ROW_EDGES: readonly XlBorderIndex[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical"];
/** Page breaks and links go in units of this many calls, so a unit fits any request. */
const CALLS_PER_UNIT = 2000;

function line(range: XlRange, edges: readonly XlBorderIndex[]): void {
  for (const edge of edges) {
    const border = range.format.borders.getItem(edge);
    border.style = "Continuous";
    border.color = BORDER_COLOUR;
  }
}

/** Whether a sheet's many tables are lined by one rule (see borderRuleUnit) rather than one by one. */
const byRule = (plan: SheetPlan, areas: number) => areas > 1 && plan.numberedRows !== undefined;

/**
 * Borders of a sheet's tables, a constant number of calls whatever its rows: one table is lined
 * as a range; many (the register's blocks, one per branch) get the header row lined here and
 * their rows by one conditional format (borderRuleUnit).
 */
export function queueBorders(sheet: XlWorksheet, plan: SheetPlan, width: number): void {
  const areas = borderedAreas(plan);
  if (areas.length === 0) return;
  if (areas.length === 1) {
    const area = areas[0];
    const top = Math.min(area.top, plan.headerRow);
    line(sheet.getRangeByIndexes(top, area.left, area.bottom - top + 1, area.right - area.left + 1), TABLE_EDGES);
    return;
  }
  line(sheet.getRangeByIndexes(plan.headerRow, 0, 1, width), ROW_EDGES);
  if (!byRule(plan, areas.length)) {
    for (const area of areas) line(sheet.getRangeByIndexes(area.top, area.left, area.bottom - area.top + 1, area.right - area.left + 1), TABLE_EDGES);
  }
}

/** Calls queueBorders makes, for the request estimate. */
export function borderCalls(plan: SheetPlan): number {
  const areas = borderedAreas(plan).length;
  return areas === 0 ? 0 : areas === 1 ? 12 : byRule(plan, areas) ? 10 : 10 + areas * 12;
}

/**
 * The rows of many tables lined by one conditional format: every row with a number in the
 * numbered column (序号). It goes first in the sheet's list and does not stop there, so the
 * highlights after it (which do stop) still colour the same cells.
 */
export function borderRuleUnit(plan: SheetPlan, sheetName: string, label: string): WriteUnit | null {
  const areas = borderedAreas(plan);
  if (!byRule(plan, areas.length) || plan.numberedRows === undefined) return null;
  const numbered = plan.numberedRows;
  // (a loop: a city's register has a bordered area per branch, more than Math.min can take as arguments)
  let [top, bottom, left, right] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const a of areas) {
    top = Math.min(top, a.top);
    bottom = Math.max(bottom, a.bottom);
    left = Math.min(left, a.left);
    right = Math.max(right, a.right);
  }
  return {
    bytes: CALL_BYTES * 12,
    sheet: label,
    queue: (context) => {
      const range = context.workbook.worksheets.getItem(sheetName).getRangeByIndexes(top, left, bottom - top + 1, right - left + 1);
      const cf = range.conditionalFormats.add("Custom");
      cf.custom.rule.formula = `=ISNUMBER(${a1(top, numbered).replace(/^([A-Z]+)/, "$$$1")})`;
      for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const) {
        const border = cf.custom.format.borders.getItem(edge);
        border.style = "Continuous";
        border.color = BORDER_COLOUR;
      }
      cf.stopIfTrue = false;
      cf.priority = 0;
    },
  };
}

/** Whether a sheet's many bold rows are set by one rule (see boldRuleUnit) rather than row by row. */
export const boldByRule = (plan: SheetPlan) => plan.boldRule !== undefined && plan.boldRows.length > 1;

/**
 * The bold rows of a sheet that names them by a rule (the register's branch lines): one
 * conditional format making bold every row whose cell in the rule's column begins with its
 * text, so the calls are as many for 3 branches as for 3,000. It does not stop there.
 */
export function boldRuleUnit(plan: SheetPlan, sheetName: string, label: string): WriteUnit | null {
  const rule = plan.boldRule;
  if (!rule || !boldByRule(plan)) return null;
  const top = plan.headerRow + 1;
  const bottom = plan.rows.length - 1;
  const width = planWidth(plan.rows);
  if (bottom < top) return null;
  return {
    bytes: CALL_BYTES * 6 + rule.beginsWith.length * 6,
    sheet: label,
    queue: (context) => {
      const range = context.workbook.worksheets.getItem(sheetName).getRangeByIndexes(top, 0, bottom - top + 1, width);
      const cf = range.conditionalFormats.add("Custom");
      const cell = a1(top, rule.column).replace(/^([A-Z]+)/, "$$$1");
      cf.custom.rule.formula = `=LEFT(${cell},${rule.beginsWith.length})="${rule.beginsWith.replace(/"/g, '""')}"`;
      cf.custom.format.font.bold = true;
      cf.stopIfTrue = false;
      cf.priority = 0;
    },
  };
}

/** "$1:$2": rows 1…n as print titles. */
const titleRows = (print: PrintPlan) => `$1:$${print.titleRows}`;

/**
 * The page layout of one of our sheets (ExcelApi 1.9): A4, orientation, fit to the pages across
 * (as many down as needed), centred, the title rows on every page, page numbers in the footer;
 * then its manual page breaks, in units of at most CALLS_PER_UNIT.
 */
export function printUnits(plan: SheetPlan, sheetName: string, label: string): WriteUnit[] {
  const print = plan.print ?? printLayout(plan);
  const sheetOf = (context: XlContext) => context.workbook.worksheets.getItem(sheetName);
  const units: WriteUnit[] = [
    {
      bytes: CALL_BYTES * 7 + (print.footer?.length ?? 0) * 3,
      sheet: label,
      queue: (context) => {
        const layout = sheetOf(context).pageLayout;
        layout.paperSize = "A4";
        layout.orientation = print.landscape ? "Landscape" : "Portrait";
        layout.zoom = { horizontalFitToPages: print.pagesWide, verticalFitToPages: 0 };
        layout.centerHorizontally = true;
        if (print.titleRows > 0) layout.setPrintTitleRows(titleRows(print));
        if (print.footer) layout.headersFooters.defaultForAllPages.centerFooter = print.footer;
      },
    },
  ];
  const breaks = print.rowBreaks.filter((row) => row > 0);
  for (let i = 0; i < breaks.length; i += CALLS_PER_UNIT) {
    const part = breaks.slice(i, i + CALLS_PER_UNIT);
    units.push({
      bytes: part.length * CALL_BYTES,
      sheet: label,
      queue: (context) => {
        const sheet = sheetOf(context);
        for (const row of part) sheet.horizontalPageBreaks.add(a1(row, 0));
      },
    });
  }
  return units;
}

/** The links of one of our sheets (Range.hyperlink, ExcelApi 1.7), each to a cell of the workbook. */
export function linkUnits(links: readonly PlanLink[], sheetName: string, label: string): WriteUnit[] {
  const units: WriteUnit[] = [];
  for (let i = 0; i < links.length; i += CALLS_PER_UNIT) {
    const part = links.slice(i, i + CALLS_PER_UNIT);
    units.push({
      bytes: part.reduce((n, link) => n + CALL_BYTES + jsonBytes(link.sheet) * 2 + link.cell.length * 2, 0),
      sheet: label,
      queue: (context) => {
        const sheet = context.workbook.worksheets.getItem(sheetName);
        for (const link of part) {
          sheet.getCell(link.row, link.column).hyperlink = { documentReference: `'${link.sheet.replace(/'/g, "''")}'!${link.cell}`, textToDisplay: link.cell };
        }
      },
    });
  }
  return units;
}
