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
  addHighlights(ws, plan);
}

/** The plan's summary sheets as a new exceljs workbook (the module is passed in: it loads lazily). */
export function summaryWorkbook(excel: typeof ExcelJS, plan: WorkbookPlan): ExcelJS.Workbook {
  const workbook = new excel.Workbook();
  workbook.creator = "先教评议助手";
  for (const sheet of exportSheets(plan)) writeSheet(workbook.addWorksheet(sheet.name), sheet);
  return workbook;
}
