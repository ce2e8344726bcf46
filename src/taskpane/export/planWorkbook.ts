import type ExcelJS from "exceljs";
import { HIGHLIGHT_COLOURS, type HighlightRule, type SheetPlan, type SummarySheetKind, type WorkbookPlan } from "../../engine";
import { columnLetter } from "../mapping";

/** The sheets a secretary sends upwards, in this order: no ID numbers, no member-level issues. */
export const EXPORT_KINDS: readonly SummarySheetKind[] = ["branches", "stages", "unitSurvey", "about"];

export function exportSheets(plan: WorkbookPlan, kinds: readonly SummarySheetKind[] = EXPORT_KINDS): SheetPlan[] {
  return kinds.flatMap((kind) => plan.sheets.filter((sheet) => sheet.kind === kind));
}

const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };

function formula(rule: HighlightRule, topLeft: string): string {
  const text = `"${rule.text.replace(/"/g, '""')}"`;
  if (rule.match === "equals") return `${topLeft}=${text}`;
  if (rule.match === "beginsWith") return `LEFT(${topLeft},${[...rule.text].length})=${text}`;
  return `ISNUMBER(SEARCH(${text},${topLeft}))`;
}

function addHighlights(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  const first = plan.headerRow + 2;
  const last = plan.rows.length;
  if (last < first) return;
  let priority = 0;
  for (const { column, rules } of plan.highlights) {
    if (rules.length === 0) continue;
    const letter = columnLetter(column);
    ws.addConditionalFormatting({
      ref: `${letter}${first}:${letter}${last}`,
      rules: rules.map((rule) => ({
        type: "expression",
        priority: ++priority,
        formulae: [formula(rule, `${letter}${first}`)],
        style: {
          fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(HIGHLIGHT_COLOURS[rule.colour].fill) } },
          font: { color: { argb: argb(HIGHLIGHT_COLOURS[rule.colour].font) } },
        },
      })),
    });
  }
}

/** Writes one planned sheet: values, header style, number formats, widths, frozen header, highlights. */
export function writeSheet(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  const percent = new Set(plan.percentColumns);
  const decimal = new Set(plan.decimalColumns);
  const bold = new Set(plan.boldRows);
  plan.rows.forEach((values, r) => {
    const row = ws.getRow(r + 1);
    values.forEach((value, c) => {
      if (value === null || value === "") return;
      const cell = row.getCell(c + 1);
      cell.value = value;
      if (r > plan.headerRow && typeof value === "number") {
        if (percent.has(c)) cell.numFmt = "0.0%";
        else if (decimal.has(c)) cell.numFmt = "0.0";
      }
      if (r === plan.headerRow) {
        cell.font = { bold: true };
        cell.fill = HEADER_FILL;
        cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
      } else if (bold.has(r)) cell.font = { bold: true };
    });
  });
  ws.getCell("A1").font = { bold: true, size: 14 };
  plan.widths.forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: plan.headerRow + 1 }];
  addBorders(ws, plan);
  addHighlights(ws, plan);
  setPrintLayout(ws, plan);
}

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBFBFBF" } };

/** The table: from the header row down to the first blank row, as wide as the header. */
export function tableArea(plan: SheetPlan): { top: number; bottom: number; right: number } | null {
  const header = plan.rows[plan.headerRow] ?? [];
  let right = header.length - 1;
  while (right >= 0 && (header[right] === null || header[right] === "")) right--;
  if (plan.headerRow === 0 || right < 0) return null;
  let bottom = plan.headerRow;
  while (bottom + 1 < plan.rows.length && plan.rows[bottom + 1].some((v) => v !== null && v !== "")) bottom++;
  return { top: plan.headerRow, bottom, right };
}

/** Thin grey borders round every cell of the table, so a printed page reads row by row (gridlines do not print). */
function addBorders(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  const area = tableArea(plan);
  if (!area) return;
  for (let r = area.top; r <= area.bottom; r++) {
    const row = ws.getRow(r + 1);
    for (let c = 0; c <= area.right; c++) row.getCell(c + 1).border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  }
}

/**
 * Printed for the level above: A4, landscape when the table is wider than a portrait page, as
 * few pages wide as keep the text readable (the branch summary's 22 columns take two, column A
 * repeated on each), as many pages down as needed, title and header on every page.
 */
function setPrintLayout(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  const width = plan.widths.reduce((sum, w) => sum + Math.max(0, w), 0);
  const landscape = width > PORTRAIT_CHARACTERS;
  const pagesWide = Math.max(1, Math.ceil(width / (landscape ? LANDSCAPE_CHARACTERS : PORTRAIT_CHARACTERS)));
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: landscape ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: pagesWide,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `1:${plan.headerRow + 1}`,
    ...(pagesWide > 1 ? { printTitlesColumn: "A:A" } : {}),
  };
}

/** About as many characters of column width as fit across an A4 page at 100%, upright and sideways. */
const PORTRAIT_CHARACTERS = 90;
const LANDSCAPE_CHARACTERS = 135;

/** The plan's summary sheets as a new exceljs workbook (the module is passed in: it loads lazily). */
export function summaryWorkbook(excel: typeof ExcelJS, plan: WorkbookPlan): ExcelJS.Workbook {
  const workbook = new excel.Workbook();
  workbook.creator = "先教评议助手";
  for (const sheet of exportSheets(plan)) writeSheet(workbook.addWorksheet(sheet.name), sheet);
  return workbook;
}
