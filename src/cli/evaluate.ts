import * as path from "node:path";
import { XianjiaoError } from "../errors";
import { evaluateRead, memberRef, readInput, readMemory, reportIssue, reportMember, toReport, unknownMappingSheets, type ColumnOverrides, type RunOptions, type RunResult, type WorkbookInput, type WorkbookPlan, type WorkbookRead } from "../engine";
import { blockEdits, checkOutputKind, checkUnchanged, closePackage, readPackage, writePackageTo, type BlockEdit, type PackageRead } from "../hosts/xlsx-package";
import { LAST_COL } from "../hosts/xlsx-package/sheet-body";
import { checkOutputs, writeFilesAtomic, type PendingOutput } from "../hosts/xlsx/write-atomic";
import { t } from "../i18n/t";
import { EXIT, type CliIO } from "./io";
import { LazyList, writeJsonFile } from "./json-stream";
import { checkDate, fileSize, loadMapping, loadRules, localIsoDate, sameFile } from "./options";
import { settingsFromRecord, type Settings } from "./recorded-settings";
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
  /** A unit's column mapping file (JSON: sheet → field → column letters). */
  mapping?: string;
  /** 恢复自动评议 for everyone: the secretary's decisions typed over our cells are dropped. */
  resetManual?: boolean;
  /** 恢复自动评议 for these members (their "ref" in the JSON report). */
  resetMember?: string[];
}

/** The input's base name without extension: the unit name when nothing else gives one. */
function baseName(file: string): string {
  return path.basename(file, path.extname(file));
}

/** The report as `JSON.stringify(toReport(result), null, 2)` writes it, made member by member. */
function writeReport(file: string, result: RunResult): Promise<void> {
  const report = toReport({ ...result, members: [], issues: [] });
  return writeJsonFile(file, {
    ...report,
    members: new LazyList(result.members.length, (i) => reportMember(result.members[i])),
    issues: new LazyList(result.issues.length, (i) => reportIssue(result.issues[i])),
  });
}

/** A mapping naming a sheet the workbook lacks would map nothing and leave its rules off unseen: refused. */
function checkMappingSheets(overrides: ColumnOverrides, grids: WorkbookInput, mappingFile: string, input: string): void {
  const missing = unknownMappingSheets(overrides, grids.sheets.map((sheet) => sheet.name));
  if (missing.length > 0) {
    throw new XianjiaoError("MAPPING_UNKNOWN_SHEET", { file: path.basename(mappingFile), workbook: path.basename(input), sheets: missing.map((name) => `“${name}”`).join("、") });
  }
}

/** Members named by --reset-member that the workbook does not have (a mistyped ref must not pass unseen). */
function unknownResets(result: RunResult, reset: RunOptions["resetManual"]): string[] {
  if (reset === undefined || reset === true) return [];
  const known = new Set(result.members.map(memberRef));
  const unknown = reset.filter((ref) => !known.has(ref));
  return unknown.length > 0 ? [t("cli.summary.resetUnknown", { refs: unknown.join("、") })] : [];
}

interface Evaluated {
  read: PackageRead;
  plan: WorkbookPlan;
  edits: Map<string, BlockEdit>;
  lines: string[];
  /** Kept only until the report is written. */
  result: RunResult | null;
}

/**
 * The top of each roster sheet, down to its table's header row: all a result block's edit needs
 * to know of the sheet (a previous run's block and group header), kept when the grids go.
 */
function headsOf(grids: WorkbookInput, step: WorkbookRead): WorkbookInput {
  const headers = new Map(step.read.tables.filter((t) => t.isRoster).map((t) => [t.sheet, t.headerRow]));
  const sheets = grids.sheets.flatMap((grid) => {
    const headerRow = headers.get(grid.name);
    if (headerRow === undefined) return [];
    return [{ ...grid, values: grid.values.slice(0, Math.max(0, headerRow - (grid.origin?.row ?? 0) + 1)), numberFormats: [] }];
  });
  return { sheets };
}

/**
 * Reads and evaluates; keeps what the write pass needs (the plan, and per result block what the
 * sheet held where the block goes), what is printed and, for the report, the result. The grids
 * go as soon as the engine has read their tables (a city's grids weigh more than the rest of the
 * evaluation). The input stays open for the write pass.
 */
async function readAndEvaluate(input: string, given: Settings, baseOptions: Omit<RunOptions, "rules">, options: EvaluateOptions, progress: Progress): Promise<Evaluated> {
  const package_ = await readPackage(input, { keepOpen: true });
  const read = package_.read;
  try {
    checkOutputKind(read, options.output);
    progress.step("cli.progress.evaluate", 0.4);
    let grids: WorkbookInput | null = package_.input;
    package_.input = { sheets: [] };
    if (given.overrides && options.mapping) checkMappingSheets(given.overrides, grids, options.mapping, input);
    const memory = readMemory(grids);
    const settings = settingsFromRecord(given, memory.record, options);
    const runOptions: RunOptions = { ...baseOptions, rules: settings.rules, overrides: settings.overrides };
    // the grids' rows go as their tables are read: a city's grids and tables never all in memory at once
    const step = readInput(grids, { ...runOptions, releaseRows: true }, memory);
    const heads = headsOf(grids, step);
    grids = null;
    const result = evaluateRead(step, runOptions);
    if (!result.hasMemberTable) {
      const others = result.issues.filter((issue) => issue.code === "NOT_MEMBER_TABLE").map((issue) => `“${issue.sheet}”`);
      if (others.length > 0) throw new XianjiaoError("NOT_MEMBER_TABLES", { file: path.basename(input), sheets: others.join("、") });
      throw new XianjiaoError("NO_MEMBER_TABLE", { file: path.basename(input) });
    }
    for (const block of result.plan.resultBlocks) {
      if (block.firstColumn + block.headers.length - 1 > LAST_COL) throw new XianjiaoError("NO_ROOM_FOR_RESULTS", { sheet: block.sheet });
    }
    const edits = blockEdits(heads, result.plan.resultBlocks);
    const lines = [...summaryLines(result, options.output), ...settings.lines, ...unknownResets(result, baseOptions.resetManual)];
    if (options.report) lines.push(t("cli.summary.report", { file: options.report }));
    return { read, plan: result.plan, edits, lines, result: options.report ? result : null };
  } catch (error) {
    closePackage(read);
    throw error;
  }
}

/**
 * evaluate IN -o OUT: reads IN, evaluates it, writes OUT (the user's cells unchanged plus the
 * results) and optionally the JSON report. IN is never written and is read through one open
 * descriptor; every output path is checked before anything is read, and OUT and the report
 * appear together only when all is done and IN is still the file that was read.
 */
export async function runEvaluate(input: string, options: EvaluateOptions, io: CliIO): Promise<number> {
  const output = options.output;
  if (await sameFile(input, output)) throw new XianjiaoError("OUTPUT_IS_INPUT", { file: path.basename(output) });
  if (options.report && ((await sameFile(input, options.report)) || (await sameFile(output, options.report)))) {
    throw new XianjiaoError("OUTPUT_IS_INPUT", { file: path.basename(options.report) });
  }
  await checkOutputs(options.report ? [output, options.report] : [output]);
  const today = options.today === undefined ? localIsoDate(io.now()) : checkDate("--today", options.today);
  const rules = await loadRules(options);
  const overrides = options.mapping === undefined ? undefined : await loadMapping(options.mapping);
  const resetManual = options.resetManual ? true : options.resetMember && options.resetMember.length > 0 ? options.resetMember.map((ref) => ref.trim()) : undefined;

  const progress = makeProgress(io, await fileSize(input));
  try {
    progress.step("cli.progress.read", 0);
    const evaluated = await readAndEvaluate(input, { rules, overrides }, { today, unitName: options.unit, fallbackUnitName: baseName(input), resetManual }, options, progress);
    const { read, plan, edits, lines } = evaluated;
    try {
      progress.step("cli.progress.write", 0.6);
      const outputs: PendingOutput[] = [];
      // the report first, while the result is alive; it is let go before the workbook is written
      if (options.report) outputs.push({ file: options.report, write: (tmp) => writeReport(tmp, evaluated.result!) });
      outputs.push({
        file: output,
        write: async (tmp) => {
          evaluated.result = null;
          await writePackageTo(read, plan, edits, tmp);
        },
      });
      await writeFilesAtomic(outputs, () => checkUnchanged(read));
    } finally {
      closePackage(read);
    }
    progress.step("cli.progress.write", 1);
    progress.done();
    io.stdout(lines.join("\n") + "\n");
    return EXIT.ok;
  } finally {
    progress.done();
  }
}
