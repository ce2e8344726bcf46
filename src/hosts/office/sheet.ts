import { planWidth } from "../../engine/plan/sheetCommon";
import { CHART_SIZE, type SheetPlan } from "../../engine/plan/types";
import { a1 } from "./address";
import { CALL_BYTES, type WriteUnit } from "./batches";
import type { XlContext, XlWorksheet } from "./excel-api";
import { HEADER_FILL, highlightUnit } from "./highlights";
import { boldByRule, boldRuleUnit, borderCalls, borderRuleUnit, linkUnits, printUnits, queueBorders } from "./print";
import { rowUnits } from "./rows";
import { asExcelValue, widthPoints } from "./text";

/** What this Excel can do beyond the required sets, by requirement set. */
export interface SheetFeatures {
  /** Chart category names (ExcelApi 1.7). */
  canNameCategories: boolean;
  /** A chart axis's number format (ExcelApi 1.8). */
  canFormatAxis: boolean;
  /** Page layout and page breaks (ExcelApi 1.9). */
  canPrint: boolean;
}

/** Rows of a sheet plan as one rectangle, ready for `range.values`. */
function rectangle(plan: SheetPlan): (string | number)[][] {
  const width = planWidth(plan.rows);
  return plan.rows.map((row) => Array.from({ length: width }, (_, c) => asExcelValue(row[c] ?? null)));
}

/**
 * Adds the chart of a summary sheet below its table (ExcelApi 1.1; category names need 1.7):
 * each grade's series in the grade's colour, the value axis in whole members from 0 (its label
 * format needs 1.8), the legend under the plot, at the plan's size.
 */
function queueChart(sheet: XlWorksheet, plan: SheetPlan, features: SheetFeatures): void {
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
  if (!adjacent && features.canNameCategories) {
    added.axes.categoryAxis.setCategoryNames(sheet.getRangeByIndexes(chart.firstRow, chart.categoryColumn, chart.lastRow - chart.firstRow + 1, 1));
  }
  // the series come in the source's column order, from the first series column
  const firstSeries = series[0];
  for (let column = firstSeries; column <= last; column++) {
    const colour = chart.colours[chart.seriesColumns.indexOf(column)];
    if (colour === undefined) continue;
    const format = added.series.getItemAt(column - firstSeries).format;
    format.fill.setSolidColor(colour.fill);
    format.line.color = colour.line;
  }
  added.axes.valueAxis.minimum = 0;
  added.axes.valueAxis.majorUnit = Math.max(1, Math.round(chart.majorUnit));
  if (features.canFormatAxis) added.axes.valueAxis.numberFormat = "0";
  added.legend.position = "Bottom";
  added.setPosition(a1(chart.anchor.row, chart.anchor.column));
  added.width = CHART_SIZE.widthPoints;
  added.height = CHART_SIZE.heightPoints;
}

/**
 * Units building one of our sheets under a temporary name: add it, write its rows, then
 * formats (title, header, bold rows, number formats per column, widths, wrapped columns,
 * frozen header, table borders), highlights and chart, its links and how it prints. The apply
 * step renames it at the very end. The format calls are as many for a sheet of 10 rows as
 * for one of 100,000.
 */
export function sheetUnits(plan: SheetPlan, tempName: string, features: SheetFeatures, onCells: (cells: number) => void): WriteUnit[] {
  const label = plan.name;
  const rows = rectangle(plan);
  const width = rows[0]?.length ?? 1;
  const dataFirst = plan.headerRow + 1;
  const dataLast = plan.rows.length - 1;
  const formatColumns = [...plan.percentColumns.map((c) => ({ c, format: "0.0%" })), ...plan.decimalColumns.map((c) => ({ c, format: "0.0" }))];
  const wrapColumns = plan.wrapColumns ?? [];
  const sheetOf = (context: XlContext) => context.workbook.worksheets.getItem(tempName);

  const units: WriteUnit[] = [
    { bytes: CALL_BYTES, sheet: label, queue: (context) => void context.workbook.worksheets.add(tempName) },
    ...rowUnits(tempName, label, 0, 0, rows, onCells),
    {
      bytes:
        CALL_BYTES * (24 + (boldByRule(plan) ? 0 : plan.boldRows.length) + plan.widths.length + formatColumns.length + wrapColumns.length * 2 + borderCalls(plan)) +
        formatColumns.length * Math.max(0, dataLast - dataFirst + 1) * 10,
      sheet: label,
      queue: (context) => {
        const sheet = sheetOf(context);
        const title = sheet.getRange("A1");
        title.format.font.bold = true;
        title.format.font.size = 14;
        // a sheet headed by its title alone (说明) has no header row to fill
        if (plan.headerRow > 0) {
          const header = sheet.getRangeByIndexes(plan.headerRow, 0, 1, width);
          header.format.font.bold = true;
          header.format.fill.color = HEADER_FILL;
        }
        if (!boldByRule(plan)) for (const r of plan.boldRows) if (r < rows.length) sheet.getRangeByIndexes(r, 0, 1, width).format.font.bold = true;
        if (dataLast >= dataFirst) {
          for (const { c, format } of formatColumns) {
            const column = sheet.getRangeByIndexes(dataFirst, c, dataLast - dataFirst + 1, 1);
            column.numberFormat = Array.from({ length: dataLast - dataFirst + 1 }, () => [format]);
          }
        }
        plan.widths.forEach((w, c) => {
          if (w > 0) sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = widthPoints(w);
        });
        if (wrapColumns.length > 0 && dataLast >= dataFirst) {
          for (const c of wrapColumns) sheet.getRangeByIndexes(dataFirst, c, dataLast - dataFirst + 1, 1).format.wrapText = true;
          const data = sheet.getRangeByIndexes(dataFirst, 0, dataLast - dataFirst + 1, width);
          // rows read from the top, and Excel fits each to its wrapped text
          data.format.verticalAlignment = "Top";
          data.format.autofitRows();
        }
        sheet.freezePanes.freezeRows(plan.headerRow + 1);
        queueBorders(sheet, plan, width);
        queueChart(sheet, plan, features);
      },
    },
  ];
  if (plan.highlights.length > 0 && dataLast >= dataFirst) units.push(highlightUnit(tempName, label, plan.highlights, dataFirst, dataLast));
  const borderRule = borderRuleUnit(plan, tempName, label);
  if (borderRule) units.push(borderRule);
  const boldRule = boldRuleUnit(plan, tempName, label);
  if (boldRule) units.push(boldRule);
  if (plan.links && plan.links.length > 0) units.push(...linkUnits(plan.links, tempName, label));
  if (features.canPrint && !plan.hidden) units.push(...printUnits(plan, tempName, label));
  return units;
}
