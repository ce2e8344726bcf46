import * as path from "node:path";
import { XianjiaoError } from "../errors";
import { SHEET_NAMES, type SummarySheetKind } from "../engine";
import { streamSheetPlans } from "../hosts/xlsx/stream-plans";
import { checkOutputs, writeFileAtomic } from "../hosts/xlsx/write-atomic";
import { t } from "../i18n/t";
import { exportPlan } from "./export-plan";
import { EXIT, type CliIO } from "./io";
import { sameFile } from "./options";
import { readOurSheets } from "./our-sheets";

export interface ExportOptions {
  output: string;
  withIssues?: boolean;
}

/**
 * The sheets a secretary sends upwards, in this order; the issues sheet (names) only on request,
 * the register (names) never. The hidden 评议-技术信息 tells the level above what the file is.
 */
const EXPORT_KINDS: SummarySheetKind[] = ["branches", "stages", "unitSurvey", "about", "technical"];

/**
 * export OUT -o SUMMARY: our summary sheets alone, as a workbook to e-mail. The values we
 * computed are copied, never a formula or another cell a user added to our sheets; ID numbers
 * are masked. OUT is streamed, its roster never loaded.
 */
export async function runExport(evaluated: string, options: ExportOptions, io: CliIO): Promise<number> {
  if (await sameFile(evaluated, options.output)) {
    throw new XianjiaoError("OUTPUT_IS_INPUT", { file: path.basename(options.output) });
  }
  await checkOutputs([options.output]);
  const kinds: SummarySheetKind[] = options.withIssues ? [...EXPORT_KINDS.slice(0, 3), "issues", ...EXPORT_KINDS.slice(3)] : EXPORT_KINDS;
  const sheets = await readOurSheets(evaluated, kinds);
  if (!sheets.about || !sheets.branches) {
    const missing = sheets.about ? SHEET_NAMES.branches : SHEET_NAMES.about;
    throw new XianjiaoError("NOT_EVALUATED", { file: path.basename(evaluated), sheet: missing });
  }
  const plans = kinds.flatMap((kind) => (sheets[kind] ? [exportPlan(kind, sheets[kind])] : []));
  await writeFileAtomic(options.output, (tmp) => streamSheetPlans(plans, tmp));
  const written = plans.map((plan) => plan.name);
  io.stdout(t("cli.export.done", { file: options.output, sheets: written.join("、") }) + "\n");
  return EXIT.ok;
}
