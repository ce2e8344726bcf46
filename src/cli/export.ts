import * as path from "node:path";
import ExcelJS from "exceljs";
import { XianjiaoError } from "../errors";
import { SHEET_NAMES, type SummarySheetKind } from "../engine";
import { loadWorkbook, writeXlsx } from "../hosts/xlsx";
import { readSheetMarkers } from "../hosts/xlsx-package/sheet-markers";
import { t } from "../i18n/t";
import { copySheet } from "./copy-sheet";
import { EXIT, type CliIO } from "./io";
import { sameFile } from "./options";
import { ourSheets } from "./our-sheets";

export interface ExportOptions {
  output: string;
  withIssues?: boolean;
}

/** The sheets a secretary sends upwards, in this order; the issues sheet (names) only on request. The register (names) never. */
const EXPORT_KINDS: SummarySheetKind[] = ["branches", "stages", "unitSurvey", "about", "technical"];

/** export OUT -o SUMMARY: our summary sheets alone, as a workbook to e-mail. */
export async function runExport(evaluated: string, options: ExportOptions, io: CliIO): Promise<number> {
  if (await sameFile(evaluated, options.output)) {
    throw new XianjiaoError("OUTPUT_IS_INPUT", { file: path.basename(options.output) });
  }
  const source = await loadWorkbook(evaluated);
  const sheets = ourSheets(source, await readSheetMarkers(evaluated));
  if (!sheets.about || !sheets.branches) {
    const missing = sheets.about ? SHEET_NAMES.branches : SHEET_NAMES.about;
    throw new XianjiaoError("NOT_EVALUATED", { file: path.basename(evaluated), sheet: missing });
  }
  const kinds = options.withIssues ? [...EXPORT_KINDS.slice(0, 3), "issues" as const, ...EXPORT_KINDS.slice(3)] : EXPORT_KINDS;
  const target = new ExcelJS.Workbook();
  target.creator = "先教评议助手";
  const written: string[] = [];
  for (const kind of kinds) {
    const sheet = sheets[kind];
    if (!sheet) continue;
    // the about and technical sheets hold the rules and their fingerprint, no personal data: copied as they are
    copySheet(sheet, target.addWorksheet(SHEET_NAMES[kind]), kind !== "about" && kind !== "technical");
    written.push(SHEET_NAMES[kind]);
  }
  await writeXlsx(target, options.output);
  io.stdout(t("cli.export.done", { file: options.output, sheets: written.join("、") }) + "\n");
  return EXIT.ok;
}
