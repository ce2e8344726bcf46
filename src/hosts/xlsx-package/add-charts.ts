import type { ChartPlan, PlanCell, SheetPlan } from "../../engine/plan/types";
import { utf8 } from "../../engine/mail/mime";
import { concatBytes, utf8Text } from "../zip/package-zip";
import { chartXml, drawingXml } from "./chart-xml";
import { CONTENT_TYPES_PART, packagePart, parseRelationships, parseWorkbook, relativeTarget, relsPartOf, REL } from "./parts";
import { sheetDataSpan } from "./sheet-data-span";
import { TAIL_ORDER } from "./sheet-tail";
import { NS, createLike, insertInOrder, parsePart, prefixFor, rootOf, serializePart } from "./xml-dom";

/**
 * Our charts added to a package another writer made (exceljs, for the exported summary and the
 * consolidation, writes no charts): for each sheet with a planned chart, its drawing and chart
 * parts, the sheet's `<drawing r:id>` in its schema place, the sheet's relationship to the
 * drawing and the content types — the same chart XML the package writer puts in evaluate's
 * output. Works on the package's entries as bytes, so the pane runs it too.
 */

const REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const DRAWING_REL = `${NS.rel}/drawing`;
const CHART_REL = `${NS.rel}/chart`;
const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

function text(bytes: Uint8Array | undefined): string | null {
  return bytes ? utf8Text(bytes) : null;
}

const rels = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}">${body}</Relationships>`;

/** The first name of the form `prefix{n}suffix` the package does not have. */
function freeName(entries: ReadonlyMap<string, Uint8Array>, prefix: string, suffix: string): string {
  for (let n = 1; ; n++) if (!entries.has(`${prefix}${n}${suffix}`)) return `${prefix}${n}${suffix}`;
}

/** Adds `<Relationship>` to a rels part (made when missing) under an id it does not use; returns the id and the part's text. */
function addRelationship(existing: string | null, part: string, type: string, target: string): { id: string; xml: string } {
  if (existing === null) return { id: "rIdChart1", xml: rels(`<Relationship Id="rIdChart1" Type="${type}" Target="${target}"/>`) };
  const at = { file: "", part };
  const doc = parsePart(existing, at);
  const root = rootOf(doc, "Relationships", [REL_NS], at);
  const used = new Set(parseRelationships(existing, at).map((r) => r.id));
  let n = 1;
  while (used.has(`rIdChart${n}`)) n++;
  const rel = createLike(root, "Relationship", { Id: `rIdChart${n}`, Type: type, Target: target });
  root.appendChild(rel);
  return { id: `rIdChart${n}`, xml: serializePart(doc) };
}

/** A worksheet part with `<drawing r:id>` in its schema place; its rows are copied as bytes, never parsed. */
function withDrawing(bytes: Uint8Array, part: string, relId: string): Uint8Array {
  const span = sheetDataSpan(bytes);
  let xml: string;
  if (span) {
    const startTag = utf8Text(bytes.subarray(span.start, span.startTagEnd));
    const empty = span.empty ? startTag : `${startTag.slice(0, -1)}/>`;
    xml = utf8Text(bytes.subarray(0, span.start)) + empty + utf8Text(bytes.subarray(span.end));
  } else xml = utf8Text(bytes);
  const at = { file: "", part };
  const doc = parsePart(xml, at);
  const root = rootOf(doc, "worksheet", [NS.main], at);
  const drawing = createLike(root, "drawing");
  drawing.setAttributeNS(NS.rel, `${prefixFor(root, NS.rel, "r")}:id`, relId);
  insertInOrder(root, drawing, TAIL_ORDER);
  const edited = utf8(serializePart(doc));
  const placed = span ? sheetDataSpan(edited) : null;
  return span && placed ? concatBytes([edited.subarray(0, placed.start), bytes.subarray(span.start, span.end), edited.subarray(placed.end)]) : edited;
}

/** The package's entries with the planned sheets' charts added (entries not touched are the same arrays). */
export function addCharts(entries: ReadonlyMap<string, Uint8Array>, plans: readonly SheetPlan[]): Map<string, Uint8Array> {
  const out = new Map(entries);
  const charted = plans.filter((plan): plan is SheetPlan & { chart: ChartPlan } => plan.chart !== undefined);
  if (charted.length === 0) return out;
  const rootRels = parseRelationships(text(out.get("_rels/.rels")) ?? rels(""), { file: "", part: "_rels/.rels" });
  const workbookPart = packagePart(rootRels, REL.officeDocument) ?? "xl/workbook.xml";
  const workbook = parseWorkbook("", workbookPart, text(out.get(workbookPart)) ?? "", text(out.get(relsPartOf(workbookPart))));
  const typesAt = { file: "", part: CONTENT_TYPES_PART };
  const types = parsePart(text(out.get(CONTENT_TYPES_PART)) ?? "", typesAt);
  const typesRoot = rootOf(types, "Types", [NS.contentTypes], typesAt);
  for (const plan of charted) {
    const sheet = workbook.sheets.find((s) => s.name === plan.name && s.isWorksheet && out.has(s.part));
    if (!sheet) continue;
    const drawingPart = freeName(out, "xl/drawings/drawing", ".xml");
    const chartPart = freeName(out, "xl/charts/chart", ".xml");
    // the sheet → its drawing → the chart
    const sheetRels = addRelationship(text(out.get(relsPartOf(sheet.part))), relsPartOf(sheet.part), DRAWING_REL, relativeTarget(sheet.part, drawingPart));
    out.set(relsPartOf(sheet.part), utf8(sheetRels.xml));
    out.set(drawingPart, utf8(drawingXml("rId1", plan.chart.anchor.column, plan.chart.anchor.row, plan.chart.title)));
    out.set(relsPartOf(drawingPart), utf8(rels(`<Relationship Id="rId1" Type="${CHART_REL}" Target="${relativeTarget(drawingPart, chartPart)}"/>`)));
    out.set(chartPart, utf8(chartXml(plan.name, plan.chart, plan.rows as PlanCell[][])));
    out.set(sheet.part, withDrawing(out.get(sheet.part)!, sheet.part, sheetRels.id));
    for (const [part, type] of [
      [drawingPart, DRAWING_TYPE],
      [chartPart, CHART_TYPE],
    ]) {
      typesRoot.appendChild(createLike(typesRoot, "Override", { PartName: `/${part}`, ContentType: type }));
    }
  }
  out.set(CONTENT_TYPES_PART, utf8(serializePart(types)));
  return out;
}
