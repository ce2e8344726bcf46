/**
 * Writes examples/示例-先教评议.xlsx: a realistic unit's workbook (roster, score sheet, ballot
 * sheet, unit survey) with the data problems real ones have. Deterministic: a seeded PRNG,
 * fixed document dates and fixed dates inside the zip, so the file only changes with this code.
 */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { makeMembers } from "./examples/people";
import { ballotSheet, rosterSheet, scoreSheet, unitSurveySheet } from "./examples/sheets";

const FIXED_DATE = new Date(Date.UTC(2025, 2, 20, 8, 0, 0));

export function buildSampleWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "XX县直机关工委";
  wb.lastModifiedBy = "XX县直机关工委";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const members = makeMembers();
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

async function run(): Promise<void> {
  const target = path.join(__dirname, "..", "examples", "示例-先教评议.xlsx");
  writeFileSync(target, await sampleWorkbookBytes());
  process.stdout.write(`已生成 ${path.relative(process.cwd(), target)}\n`);
}

if (require.main === module) {
  run().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
