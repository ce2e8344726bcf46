import { promises as fs } from "node:fs";
import * as path from "node:path";
import { XianjiaoError } from "../errors";
import { evaluateWorkbook, toReport, type RunOptions, type WorkbookPlan } from "../engine";
import { blockEdits, readPackage, writePackage, type BlockEdit, type PackageRead } from "../hosts/xlsx-package";
import { LAST_COL } from "../hosts/xlsx-package/sheet-body";
import { writeFileAtomic } from "../hosts/xlsx/write-atomic";
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

/**
 * Reads and evaluates; returns only what the write pass needs (the plan, and per result block
 * what the sheet held where the block goes), what is printed and the report text, so the grids
 * and the full result are let go before the output is written.
 */
async function readAndEvaluate(
  input: string,
  runOptions: RunOptions,
  options: EvaluateOptions,
  progress: Progress,
): Promise<{ read: PackageRead; plan: WorkbookPlan; edits: Map<string, BlockEdit>; lines: string[]; json: string | null }> {
  const { input: grids, read } = await readPackage(input);
  progress.step("cli.progress.evaluate", 0.4);
  const result = evaluateWorkbook(grids, runOptions);
  if (!result.hasMemberTable) throw new XianjiaoError("NO_MEMBER_TABLE", { file: path.basename(input) });
  for (const block of result.plan.resultBlocks) {
    if (block.firstColumn + block.headers.length - 1 > LAST_COL) throw new XianjiaoError("NO_ROOM_FOR_RESULTS", { sheet: block.sheet });
  }
  const edits = blockEdits(grids, result.plan.resultBlocks);
  const lines = summaryLines(result, options.output);
  if (options.report) lines.push(t("cli.summary.report", { file: options.report }));
  const json = options.report ? JSON.stringify(toReport(result), null, 2) + "\n" : null;
  return { read, plan: result.plan, edits, lines, json };
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

  const progress = makeProgress(io, await fileSize(input));
  try {
    progress.step("cli.progress.read", 0);
    const { read, plan, edits, lines, json } = await readAndEvaluate(input, { rules, today, unitName: options.unit, fallbackUnitName: baseName(input) }, options, progress);
    progress.step("cli.progress.write", 0.6);
    await writePackage(read, plan, edits, output);
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
