import { CHART_SIZE, type ChartPlan, type PlanCell } from "../../engine/plan/types";
import { columnLetters } from "./cell-address";
import { escapeAttribute, escapeText } from "./xml-text";

/** A planned chart as DrawingML: a clustered column chart over the sheet's own cells. */

const C_NS = 'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function ref(sheet: string, col: number, top: number, bottom = top): string {
  const name = `'${sheet.replace(/'/g, "''")}'`;
  const letters = columnLetters(col);
  return top === bottom ? `${name}!$${letters}$${top + 1}` : `${name}!$${letters}$${top + 1}:$${letters}$${bottom + 1}`;
}

const text = (value: PlanCell | undefined) => (value === null || value === undefined ? "" : String(value));

function strCache(values: string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeText(v)}</c:v></c:pt>`).join("")}</c:strCache>`;
}

function numCache(values: PlanCell[]): string {
  const points = values.map((v, i) => (typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : "")).join("");
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}

/** "#C6EFCE" → "C6EFCE"; a colour the plan does not give falls back to grey. */
const rgb = (hex: string | undefined) => (hex ?? "#A5A5A5").replace(/^#/, "").toUpperCase();

/** A series' bars: the grade's colour, outlined in its darker shade so pale colours stand out on white paper. */
function barShape(colour: { fill: string; line: string } | undefined): string {
  return `<c:spPr><a:solidFill><a:srgbClr val="${rgb(colour?.fill)}"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="${rgb(colour?.line ?? "#595959")}"/></a:solidFill></a:ln></c:spPr>`;
}

export function chartXml(sheet: string, chart: ChartPlan, rows: PlanCell[][]): string {
  const body = rows.slice(chart.firstRow, chart.lastRow + 1);
  const categories = body.map((row) => text(row[chart.categoryColumn]));
  const series = chart.seriesColumns
    .map((col, i) => {
      const name = text(rows[chart.headerRow]?.[col]);
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${escapeText(ref(sheet, col, chart.headerRow))}</c:f>${strCache([name])}</c:strRef></c:tx>` +
        `${barShape(chart.colours[i])}<c:invertIfNegative val="0"/>` +
        `<c:cat><c:strRef><c:f>${escapeText(ref(sheet, chart.categoryColumn, chart.firstRow, chart.lastRow))}</c:f>${strCache(categories)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeText(ref(sheet, col, chart.firstRow, chart.lastRow))}</c:f>${numCache(body.map((row) => row[col] ?? null))}</c:numRef></c:val>` +
        `</c:ser>`
      );
    })
    .join("");
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${escapeText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace ${C_NS}><c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart>` +
    `<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
        // whole members on the value axis: integer labels, gridlines a whole number apart, from 0
    `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010"/><c:crosses val="autoZero"/><c:crossBetween val="between"/><c:majorUnit val="${Math.max(1, Math.round(chart.majorUnit))}"/></c:valAx>` +
    // the legend under the plot, as wide as the chart: never cut at the chart's right edge
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** Points → EMU (English Metric Units, 12,700 a point). */
const emu = (points: number) => Math.round(points * 12700);

/** The drawing that places the chart at a cell (column `fromCol`, row `fromRow`), at CHART_SIZE whatever the columns' widths. */
export function drawingXml(chartRelId: string, fromCol: number, fromRow: number, name: string): string {
  const anchor = (tag: string, col: number, row: number) => `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `<xdr:oneCellAnchor>${anchor("from", fromCol, fromRow)}<xdr:ext cx="${emu(CHART_SIZE.widthPoints)}" cy="${emu(CHART_SIZE.heightPoints)}"/>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escapeAttribute(name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${chartRelId}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`
  );
}
