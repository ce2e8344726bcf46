import type { SheetPlan } from "../../engine/plan/types";
import { a1 } from "./address";
import { CALL_BYTES, type WriteUnit } from "./batches";
import type { XlContext, XlWorksheet } from "./excel-api";
import { HEADER_FILL, highlightUnit } from "./highlights";
import { rowUnits } from "./rows";
import { asExcelValue, widthPoints } from "./text";

/** Rows of a sheet plan as one rectangle, ready for `range.values`. */
function rectangle(plan: SheetPlan): (string | number)[][] {
  const width = Math.max(1, ...plan.rows.map((r) => r.length));
  return plan.rows.map((row) => Array.from({ length: width }, (_, c) => asExcelValue(row[c] ?? null)));
}

/** Adds the chart of a summary sheet below its table (ExcelApi 1.1; category names need 1.7). */
function queueChart(sheet: XlWorksheet, plan: SheetPlan, canNameCategories: boolean): void {
  const chart = plan.chart;
  if (!chart || chart.lastRow < chart.firstRow || chart.seriesColumns.length === 0) return;
  const series = [...chart.seriesColumns].sort((a, b) => a - b);
  let last = series[0];
  while (series.includes(last + 1)) last++;
  const rows = chart.lastRow - chart.headerRow + 1;
  const adjacent = chart.categoryColumn === series[0] - 1;
  const left = adjacent ? chart.categoryColumn : series[0];
  const source = sheet.getRangeByIndexes(chart.headerRow, left, rows, last - left + 1);
  const added = sheet.charts.add("ColumnClustered", source, "Columns");
  added.title.text = chart.title;
  if (!adjacent && canNameCategories) {
    added.axes.categoryAxis.setCategoryNames(sheet.getRangeByIndexes(chart.firstRow, chart.categoryColumn, chart.lastRow - chart.firstRow + 1, 1));
  }
  const top = plan.rows.length + 1;
  added.setPosition(a1(top, 0), a1(top + 18, 8));
}

/**
 * Units building one of our sheets under a temporary name: add it, write its rows, then
 * formats (title, header, bold rows, number formats per column, widths, frozen header),
 * highlights and chart. The apply step renames it at the very end.
 */
export function sheetUnits(plan: SheetPlan, tempName: string, canNameCategories: boolean, onCells: (cells: number) => void): WriteUnit[] {
  const label = plan.name;
  const rows = rectangle(plan);
  const width = rows[0]?.length ?? 1;
  const dataFirst = plan.headerRow + 1;
  const dataLast = plan.rows.length - 1;
  const formatColumns = [...plan.percentColumns.map((c) => ({ c, format: "0.0%" })), ...plan.decimalColumns.map((c) => ({ c, format: "0.0" }))];
  const sheetOf = (context: XlContext) => context.workbook.worksheets.getItem(tempName);

  const units: WriteUnit[] = [
    { bytes: CALL_BYTES, sheet: label, queue: (context) => void context.workbook.worksheets.add(tempName) },
    ...rowUnits(tempName, label, 0, 0, rows, onCells),
    {
      bytes: CALL_BYTES * (8 + plan.boldRows.length + plan.widths.length + formatColumns.length) + formatColumns.length * Math.max(0, dataLast - dataFirst + 1) * 10,
      sheet: label,
      queue: (context) => {
        const sheet = sheetOf(context);
        const title = sheet.getRange("A1");
        title.format.font.bold = true;
        title.format.font.size = 14;
        const header = sheet.getRangeByIndexes(plan.headerRow, 0, 1, width);
        header.format.font.bold = true;
        header.format.fill.color = HEADER_FILL;
        for (const r of plan.boldRows) if (r < rows.length) sheet.getRangeByIndexes(r, 0, 1, width).format.font.bold = true;
        if (dataLast >= dataFirst) {
          for (const { c, format } of formatColumns) {
            const column = sheet.getRangeByIndexes(dataFirst, c, dataLast - dataFirst + 1, 1);
            column.numberFormat = Array.from({ length: dataLast - dataFirst + 1 }, () => [format]);
          }
        }
        plan.widths.forEach((w, c) => {
          if (w > 0) sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = widthPoints(w);
        });
        sheet.freezePanes.freezeRows(plan.headerRow + 1);
        queueChart(sheet, plan, canNameCategories);
      },
    },
  ];
  if (plan.highlights.length > 0 && dataLast >= dataFirst) units.push(highlightUnit(tempName, label, plan.highlights, dataFirst, dataLast));
  return units;
}
