/**
 * Writes examples/示例-先教评议.xlsx: a realistic unit's workbook (roster, score sheet, ballot
 * sheet, unit survey) with the data problems real ones have. Deterministic: a seeded PRNG,
 * fixed document dates and fixed dates inside the zip, so the file only changes with this code.
 */
import { writeFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { makeMembers } from "./examples/people";
import { ballotSheet, rosterSheet, scoreSheet, unitSurveySheet } from "./examples/sheets";
import { DEFAULT_RULES, evaluateWorkbook } from "../src/engine";
import { gridsOf } from "../src/hosts/xlsx/grids";
import { exportSheets, summaryWorkbook } from "../src/taskpane/export/planWorkbook";
import { addCharts } from "../src/hosts/xlsx-package/add-charts";
import { readZip, writeZip } from "../src/hosts/zip/package-zip";

const FIXED_DATE = new Date(Date.UTC(2025, 2, 20, 8, 0, 0));

/** Two units' summary workbooks, as their secretaries export them, for 汇总上报 in the demo: unit name → seed of its members. */
export const SAMPLE_SUMMARIES = { XX县教育局党委: 20250321, XX县卫健局党委: 20250322 } as const;
export type SampleSummaryUnit = keyof typeof SAMPLE_SUMMARIES;
export const sampleSummaryFile = (unit: SampleSummaryUnit) => `示例-汇总-${unit}.xlsx`;

export function buildSampleWorkbook(seed?: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "XX县直机关工委";
  wb.lastModifiedBy = "XX县直机关工委";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const members = makeMembers(seed);
  rosterSheet(wb, members);
  scoreSheet(wb, members);
  ballotSheet(wb, members);
  unitSurveySheet(wb);
  return wb;
}

/** Re-packs the zip with one fixed date on every entry, so equal content gives equal bytes. */
async function stableZip(bytes: Buffer): Promise<Buffer> {
  const source = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const name of Object.keys(source.files).sort()) {
    const entry = source.files[name];
    if (entry.dir) continue;
    out.file(name, await entry.async("nodebuffer"), { date: FIXED_DATE, createFolders: false });
  }
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

export async function sampleWorkbookBytes(): Promise<Buffer> {
  const raw = Buffer.from(await buildSampleWorkbook().xlsx.writeBuffer());
  return stableZip(raw);
}

/** A unit's summary as the pane exports it: its sample workbook (its own members) evaluated on the sample's date. */
export async function sampleSummaryBytes(unit: SampleSummaryUnit): Promise<Buffer> {
  const input = { sheets: gridsOf(buildSampleWorkbook(SAMPLE_SUMMARIES[unit])) };
  const result = evaluateWorkbook(input, { rules: { ...DEFAULT_RULES, unitName: unit, batchStart: "2025-01-06" }, today: "2025-03-20" });
  const workbook = summaryWorkbook(ExcelJS, result.plan);
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  // with the chart, as the pane adds it (hosts/xlsx-package/add-charts.ts); the zip's dates are fixed there
  const stored = new Uint8Array((await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } } as Parameters<ExcelJS.Xlsx["writeBuffer"]>[0])) as ArrayBuffer);
  const entries = addCharts(await readZip(stored), exportSheets(result.plan));
  return Buffer.from(await writeZip(entries, async (bytes) => new Uint8Array(deflateRawSync(bytes, { level: 6 }))));
}

async function run(): Promise<void> {
  const dir = path.join(__dirname, "..", "examples");
  const targets: [string, Buffer][] = [[path.join(dir, "示例-先教评议.xlsx"), await sampleWorkbookBytes()]];
  for (const unit of Object.keys(SAMPLE_SUMMARIES) as SampleSummaryUnit[]) targets.push([path.join(dir, sampleSummaryFile(unit)), await sampleSummaryBytes(unit)]);
  for (const [target, bytes] of targets) {
    writeFileSync(target, bytes);
    process.stdout.write(`已生成 ${path.relative(process.cwd(), target)}\n`);
  }
}

if (require.main === module) {
  run().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
