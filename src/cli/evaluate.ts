import { promises as fs } from "node:fs";
import * as path from "node:path";
import { XianjiaoError } from "../errors";
import { evaluateWorkbook, toReport, type RunOptions } from "../engine";
import { applyPlanLean, applyPlanXlsx, leanInput, readXlsx, readXlsxLean, writeFileAtomic, writeLeanXlsx, writeXlsx } from "../hosts/xlsx";
import type { WorkbookInput } from "../engine/types";
import type { WorkbookPlan } from "../engine/plan/types";
import { t } from "../i18n/t";
import { EXIT, type CliIO } from "./io";
import { checkDate, fileSize, loadRules, localIsoDate, sameFile } from "./options";
import { makeProgress, type Progress } from "./progress";
import { summaryLines } from "./summary-text";

export interface EvaluateOptions {
  output: string;
  report?: string;
  rules?: string;
  scheme?: string;
  batchStart?: string;
  today?: string;
  unit?: string;
}

/** The input's base name without extension: the unit name when nothing else gives one. */
function baseName(file: string): string {
  return path.basename(file, path.extname(file));
}

/** A read workbook that can take a plan and be saved. */
interface Loaded {
  grids: WorkbookInput;
  apply: (plan: WorkbookPlan) => void;
  save: (file: string) => Promise<void>;
}

/**
 * The lean reader (rows kept lean, written back with the streaming writer) for every workbook it
 * can read; exceljs's plain reader and writer for one with images, drawings or notes.
 */
async function load(input: string): Promise<Loaded> {
  const lean = await readXlsxLean(input);
  if (lean) return { grids: leanInput(lean), apply: (plan) => applyPlanLean(lean, plan), save: (file) => writeLeanXlsx(lean, file) };
  const { workbook, input: grids } = await readXlsx(input);
  return { grids, apply: (plan) => applyPlanXlsx(workbook, plan), save: (file) => writeXlsx(workbook, file) };
}

/**
 * Reads, evaluates and applies the plan; returns the saver and only what is printed and the
 * report text, so the grids and the full result can be let go before a large workbook is saved.
 */
async function readEvaluateApply(
  input: string,
  runOptions: RunOptions,
  options: EvaluateOptions,
  progress: Progress,
): Promise<{ save: Loaded["save"]; lines: string[]; json: string | null }> {
  const loaded = await load(input);
  progress.step("cli.progress.evaluate", 0.4);
  const result = evaluateWorkbook(loaded.grids, runOptions);
  loaded.grids = { sheets: [] };
  if (!result.hasMemberTable) throw new XianjiaoError("NO_MEMBER_TABLE", { file: path.basename(input) });
  progress.step("cli.progress.apply", 0.6);
  loaded.apply(result.plan);
  const lines = summaryLines(result, options.output);
  if (options.report) lines.push(t("cli.summary.report", { file: options.report }));
  const json = options.report ? JSON.stringify(toReport(result), null, 2) + "\n" : null;
  return { save: loaded.save, lines, json };
}

/**
 * evaluate IN -o OUT: reads IN, evaluates it, writes OUT (the user's cells unchanged plus the
 * results) and optionally the JSON report. IN is never written; OUT appears only when all is done.
 */
export async function runEvaluate(input: string, options: EvaluateOptions, io: CliIO): Promise<number> {
  const output = options.output;
  if (await sameFile(input, output)) throw new XianjiaoError("OUTPUT_IS_INPUT", { file: path.basename(output) });
  if (options.report && ((await sameFile(input, options.report)) || (await sameFile(output, options.report)))) {
    throw new XianjiaoError("OUTPUT_IS_INPUT", { file: path.basename(options.report) });
  }
  const today = options.today === undefined ? localIsoDate(io.now()) : checkDate("--today", options.today);
  const rules = await loadRules(options);
  const unitName = (options.unit ?? "").trim() || (rules.unitName ?? "").trim() || baseName(input);

  const progress = makeProgress(io, await fileSize(input));
  try {
    progress.step("cli.progress.read", 0);
    const { save, lines, json } = await readEvaluateApply(input, { rules, today, unitName }, options, progress);
    progress.step("cli.progress.write", 0.75);
    await save(output);
    if (options.report && json !== null) {
      await writeFileAtomic(options.report, (tmp) => fs.writeFile(tmp, json, "utf8"));
    }
    progress.step("cli.progress.write", 1);
    progress.done();
    io.stdout(lines.join("\n") + "\n");
    return EXIT.ok;
  } finally {
    progress.done();
  }
}
