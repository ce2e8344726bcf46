import { promises as fs } from "node:fs";
import * as path from "node:path";
import { XianjiaoError } from "../errors";
import { isEmailAddress, SHEET_NAMES, type SummarySheetKind } from "../engine";
import { streamSheetPlans } from "../hosts/xlsx/stream-plans";
import { checkOutputs, writeFilesAtomic, type PendingOutput } from "../hosts/xlsx/write-atomic";
import { t } from "../i18n/t";
import { mailDraft, savedReportEmail } from "./export-mail";
import { exportPlan } from "./export-plan";
import { EXIT, type CliIO } from "./io";
import { sameFile } from "./options";
import { readOurSheets } from "./our-sheets";

export interface ExportOptions {
  output: string;
  withIssues?: boolean;
  /** Also an e-mail draft (.eml) with the summary attached, to `to` or the saved 上报邮箱. */
  eml?: string;
  to?: string;
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
  for (const output of [options.output, options.eml]) {
    if (output !== undefined && (await sameFile(evaluated, output))) throw new XianjiaoError("OUTPUT_IS_INPUT", { file: path.basename(output) });
  }
  if (options.eml !== undefined && path.resolve(options.eml) === path.resolve(options.output)) throw new XianjiaoError("OUTPUT_IS_INPUT", { file: path.basename(options.eml) });
  const to = options.to?.trim();
  if (to !== undefined && !isEmailAddress(to)) throw new XianjiaoError("EMAIL_ADDRESS", { value: to });
  if (to !== undefined && options.eml === undefined) throw new XianjiaoError("USAGE", { detail: "--to 只用于生成邮件，请同时给出 --eml <邮件.eml>", command: "export " });
  await checkOutputs(options.eml === undefined ? [options.output] : [options.output, options.eml]);
  const kinds: SummarySheetKind[] = options.withIssues ? [...EXPORT_KINDS.slice(0, 3), "issues", ...EXPORT_KINDS.slice(3)] : EXPORT_KINDS;
  // the e-mail counts the open issues, so it reads the issues sheet too (never exported without --with-issues)
  const read: SummarySheetKind[] = options.eml !== undefined && !kinds.includes("issues") ? [...kinds, "issues"] : kinds;
  const sheets = await readOurSheets(evaluated, read, options.withIssues ? [] : ["issues"]);
  if (!sheets.about || !sheets.branches) {
    const missing = sheets.about ? SHEET_NAMES.branches : SHEET_NAMES.about;
    throw new XianjiaoError("NOT_EVALUATED", { file: path.basename(evaluated), sheet: missing });
  }
  const plans = kinds.flatMap((kind) => (sheets[kind] ? [exportPlan(kind, sheets[kind])] : []));
  let summaryTmp = "";
  const outputs: PendingOutput[] = [
    {
      file: options.output,
      write: async (tmp) => {
        summaryTmp = tmp;
        await streamSheetPlans(plans, tmp);
      },
    },
  ];
  const recipient = to ?? savedReportEmail(sheets.technical);
  if (options.eml !== undefined) {
    const eml = options.eml;
    const draft = { sheets, evaluated: path.basename(evaluated), summaryName: path.basename(options.output), to: recipient, now: io.now() };
    outputs.push({ file: eml, write: async (tmp) => fs.writeFile(tmp, await mailDraft({ ...draft, summaryFile: summaryTmp })) });
  }
  await writeFilesAtomic(outputs);
  const written = plans.map((plan) => plan.name);
  io.stdout(t("cli.export.done", { file: options.output, sheets: written.join("、") }) + "\n");
  if (options.eml !== undefined) io.stdout(t(recipient ? "cli.export.mail" : "cli.export.mailNoRecipient", { file: options.eml, to: recipient ?? "" }) + "\n");
  return EXIT.ok;
}
