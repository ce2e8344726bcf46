#!/usr/bin/env node
import { Command, CommanderError } from "commander";
import { DEFAULT_RULES } from "../engine";
import { XianjiaoError, describeError } from "../errors";
import { removeTempFilesSync } from "../hosts/xlsx/write-atomic";
import { t } from "../i18n/t";
import { runEvaluate } from "./evaluate";
import { EXIT, processIO, type CliIO } from "./io";
import { terminalSafe } from "./terminal";
import { heapToSet, reportTempFilesToParent, runWithHeap } from "./heap";
import { usageError } from "./usage";

/** The headings of commander's help, in Chinese like the rest of it. */
const HELP_TITLES: Record<string, string> = { "Usage:": "用法：", "Arguments:": "参数：", "Options:": "选项：", "Commands:": "命令：", "Global Options:": "通用选项：" };

/** export and consolidate load exceljs, so they are imported only when run: evaluate starts without it. */
function buildProgram(io: CliIO, setCode: (code: number) => void): Command {
  const program = new Command();
  program
    .name("xianjiao")
    .description(t("cli.description"))
    .exitOverride()
    // commander's own messages are English: usage errors are told in Chinese by main()
    .configureOutput({ writeOut: io.stdout, writeErr: () => undefined, outputError: () => undefined })
    .configureHelp({ styleTitle: (title) => HELP_TITLES[title] ?? title })
    .helpCommand("help [命令]", "显示命令的用法")
    .helpOption("-h, --help", "显示用法");

  program
    .command("evaluate")
    .description(t("cli.evaluate.description"))
    .argument("<输入.xlsx>", "要评议的工作簿（不会被修改）")
    .requiredOption("-o, --output <输出.xlsx>", "写入结果的新工作簿")
    .option("--report <明细.json>", "另存一份评议明细（JSON）")
    .option("--rules <规则.json>", "本单位的规则设置（JSON）")
    .option("--scheme <方案>", "阶段方案：三阶段 或 四阶段")
    .option("--batch-start <YYYY-MM-DD>", "本批次开始日期")
    .option("--today <YYYY-MM-DD>", "评议日期（默认今天）")
    .option("--unit <单位名>", "单位名称（默认取规则设置或文件名）")
    .option("--mapping <列映射.json>", "本单位的列映射（JSON：工作表 → 字段 → 列字母）")
    .option("--reset-manual", "恢复自动评议：不再保留书记在评议等次、处置建议列中填写的内容")
    .option("--reset-member <成员标识>", "只为这名成员恢复自动评议（标识见评议明细 JSON 的 ref，可重复）", (ref: string, refs: string[] = []) => [...refs, ref])
    .action(async (input: string, options) => setCode(await runEvaluate(input, options, io)));

  program
    .command("export")
    .description(t("cli.export.description"))
    .argument("<评议结果.xlsx>", "evaluate 生成的工作簿")
    .requiredOption("-o, --output <汇总.xlsx>", "导出的汇总工作簿")
    .option("--with-issues", "同时导出数据问题表（含姓名）")
    .option("--eml <邮件.eml>", "同时生成附有汇总表的邮件草稿（Outlook、Foxmail 打开即可发送）")
    .option("--to <邮箱>", "邮件收件人（默认取规则设置中的上报邮箱）")
    .action(async (input: string, options) => setCode(await (await import("./export")).runExport(input, options, io)));

  program
    .command("consolidate")
    .description(t("cli.consolidate.description"))
    .argument("<汇总.xlsx...>", "各单位用 export 导出的汇总表")
    .requiredOption("-o, --output <合并.xlsx>", "合并后的工作簿")
    .option("--unit <单位名>", "合并后的单位名称（上级单位）")
    .option("--no-branches", "不生成各单位支部明细表")
    .option("--allow-mixed-rules", "允许合并使用不同规则的汇总表")
    .action(async (files: string[], options) => setCode(await (await import("./consolidate")).runConsolidate(files, options, io)));

  program
    .command("rules")
    .description(t("cli.rules.description"))
    .option("--print", "以 JSON 输出默认规则")
    .action((options: { print?: boolean }) => {
      if (options.print) io.stdout(JSON.stringify(DEFAULT_RULES, null, 2) + "\n");
      else io.stdout("用法：xianjiao rules --print\n");
      setCode(EXIT.ok);
    });
  return program;
}

/**
 * What the command line prints, made safe for a terminal: names and texts from workbooks never
 * reach it with control characters; the progress bar keeps its own.
 */
function terminalIO(io: CliIO): CliIO {
  return {
    ...io,
    stdout: (text) => io.stdout(terminalSafe(text)),
    stderr: (text) => io.stderr(terminalSafe(text)),
    progress: io.progress ?? io.stderr,
  };
}

/** Runs the command line on `argv` (without "node script") and returns the exit code. */
export async function main(argv: string[], rawIO: CliIO = processIO): Promise<number> {
  const io = terminalIO(rawIO);
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      const shown = error.code === "commander.helpDisplayed" || error.code === "commander.version" || (error.code === "commander.help" && error.exitCode === 0);
      if (shown) return EXIT.ok;
      io.stderr(describeError(usageError(error, argv)) + "\n");
      return EXIT.failed;
    }
    io.stderr(describeError(error) + "\n");
    return EXIT.failed;
  }
}

/** Exit codes of a process stopped by a signal, as shells report them (128 + its number). */
const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/**
 * Runs the command line as this process: paths from the folder the user started it in, temporary
 * files removed on a signal, one sentence for anything that escapes, the exit code set.
 */
export function runAsProcess(argv: string[] = process.argv.slice(2)): void {
  if (heapToSet()) return runWithHeap(argv, SIGNALS);
  reportTempFilesToParent();
  // `npm run xianjiao` runs from the project's folder: paths are the user's, from where npm was started
  if (process.env.INIT_CWD) {
    try {
      process.chdir(process.env.INIT_CWD);
    } catch {
      // a stale INIT_CWD: the current folder stays
    }
  }
  /** True once the run has ended one way or another (else, on exit, it stopped waiting on nothing). */
  let settled = false;
  // Ctrl-C or a kill while a file is written: the half-written temporary file (members' data) goes
  for (const [signal, exitCode] of Object.entries(SIGNALS)) {
    // (on, not once: a Ctrl-C reaches a run with its heap set twice, from the terminal and from its parent)
    process.on(signal, () => {
      settled = true;
      removeTempFilesSync();
      process.stderr.write(describeError(new XianjiaoError("INTERRUPTED")) + "\n");
      process.exit(exitCode);
    });
  }
  // whatever escapes (a fault of ours): one sentence, no stack, no file left behind
  const fail = (error: unknown) => {
    settled = true;
    removeTempFilesSync();
    process.stderr.write(terminalSafe(describeError(error)) + "\n");
    process.exit(EXIT.failed);
  };
  process.on("uncaughtException", fail);
  process.on("unhandledRejection", fail);
  // `… rules --print | head` closes the pipe early: what was left to print is not wanted, not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    const code = settled ? (process.exitCode ?? EXIT.ok) : EXIT.ok;
    settled = true;
    process.exit(code);
  });
  // a run whose work stops waiting on something that never comes must not end as a success
  process.exitCode = EXIT.failed;
  process.on("exit", () => {
    if (settled) return;
    removeTempFilesSync();
    process.stderr.write(describeError(new Error("stopped before finishing")) + "\n");
  });
  main(argv).then((code) => {
    settled = true;
    process.exitCode = code;
  }, fail);
}

if (require.main === module) runAsProcess();
