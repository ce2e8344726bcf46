import type ExcelJS from "exceljs";
import { HIGHLIGHT_COLOURS, type SheetPlan, type SummarySheetKind, type WorkbookPlan } from "../../engine";
import { highlightFormula } from "../../hosts/highlight-formula";
import { writeSheetPlan, type AddHighlights } from "../../hosts/xlsx/sheet-plan";
import { columnLetter } from "../mapping";

/**
 * The sheets a secretary sends upwards, in this order: no ID numbers, no member-level issues, no
 * register; the hidden 评议-技术信息 tells the level above what the file is (unit, rules).
 */
export const EXPORT_KINDS: readonly SummarySheetKind[] = ["branches", "stages", "unitSurvey", "about", "technical"];

export function exportSheets(plan: WorkbookPlan, kinds: readonly SummarySheetKind[] = EXPORT_KINDS): SheetPlan[] {
  return kinds.flatMap((kind) => plan.sheets.filter((sheet) => sheet.kind === kind));
}

const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;

/**
 * Highlights as exceljs writes them in the browser. The summary sheets' rules never compete for
 * a cell (one colour per column), so they need not stop at the first match.
 */
const rulesWritten = new WeakMap<ExcelJS.Worksheet, number>();
const addHighlights: AddHighlights = (ws, column, firstRow, lastRow, rules) => {
  if (rules.length === 0 || lastRow < firstRow) return;
  const before = rulesWritten.get(ws) ?? 0;
  rulesWritten.set(ws, before + rules.length);
  const letter = columnLetter(column);
  const topLeft = `${letter}${firstRow + 1}`;
  ws.addConditionalFormatting({
    ref: `${topLeft}:${letter}${lastRow + 1}`,
    rules: rules.map((rule, i) => ({
      type: "expression",
      priority: before + i + 1,
      formulae: [highlightFormula(rule, topLeft)],
      style: {
        fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(HIGHLIGHT_COLOURS[rule.colour].fill) } },
        font: { color: { argb: argb(HIGHLIGHT_COLOURS[rule.colour].font) } },
      },
    })),
  });
};

/** Writes one planned sheet: values, header style, number formats, widths, frozen header, borders, highlights, print layout. */
export function writeSheet(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  writeSheetPlan(ws, plan, addHighlights);
}

/** The plan's summary sheets as a new exceljs workbook (the module is passed in: it loads lazily). */
export function summaryWorkbook(excel: typeof ExcelJS, plan: WorkbookPlan): ExcelJS.Workbook {
  const workbook = new excel.Workbook();
  workbook.creator = "先教评议助手";
  for (const sheet of exportSheets(plan)) writeSheet(workbook.addWorksheet(sheet.name), sheet);
  return workbook;
}
