import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { getHeapStatistics } from "node:v8";
import { XianjiaoError, describeError } from "../errors";
import { onTempFiles } from "../hosts/xlsx/write-atomic";
import { EXIT } from "./io";

/**
 * The memory a run may use. Left to itself, Node lets a process grow towards a quarter of the
 * machine's memory before it collects garbage in earnest, so a city's million members took
 * 2.3 GB on a large machine; a run gets a heap of 1,536 MB instead (the million fits in 1,300),
 * and the process stays well within 2 GB (XIANJIAO_HEAP_MB sets another size). The command line
 * then runs as a child process with that heap:
 * its parent passes signals on, removes the child's temporary files if it dies, and turns
 * running out of memory into a sentence instead of V8's report.
 */
export const HEAP_MB = Number(process.env.XIANJIAO_HEAP_MB) > 0 ? Number(process.env.XIANJIAO_HEAP_MB) : 1536;

/** Set in the child's environment: it runs with the heap already set. */
const CHILD = "XIANJIAO_HEAP_SET";
/** Set in the child's environment when the parent's stderr is a terminal (the child's is a pipe). */
export const STDERR_TTY = "XIANJIAO_STDERR_TTY";

/** True when the heap should be set: no heap size was asked for, and Node's own is larger than ours. */
export function heapToSet(): boolean {
  if (process.env[CHILD]) return false;
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)];
  if (flags.some((flag) => /^--max[-_]old[-_]space[-_]size/.test(flag))) return false;
  return getHeapStatistics().heap_size_limit > (HEAP_MB + 512) * 1024 * 1024;
}

/** In the child: tells the parent which temporary files are being written, so it can remove them if the child dies. */
export function reportTempFilesToParent(): void {
  if (!process.env[CHILD] || typeof process.send !== "function") return;
  // the channel must not keep the process alive once the work is done
  process.channel?.unref();
  onTempFiles((file, live) => process.send?.({ tmp: file, live }));
}

/** V8's report of a process out of memory starts with one of these; our own stderr never does. */
const V8_REPORT = /\n?<--- Last few GCs --->|\n?FATAL ERROR: /;

/** Runs the command line in a child process with the heap set; this process ends with the child's exit code. */
export function runWithHeap(argv: string[], signals: Record<string, number>): void {
  const child = spawn(process.execPath, [...process.execArgv, `--max-old-space-size=${HEAP_MB}`, process.argv[1], ...argv], {
    stdio: ["inherit", "inherit", "pipe", "ipc"],
    env: { ...process.env, [CHILD]: "1", [STDERR_TTY]: process.stderr.isTTY ? "1" : "" },
  });
  const temps = new Set<string>();
  child.on("message", (message: { tmp?: unknown; live?: unknown }) => {
    if (typeof message?.tmp !== "string") return;
    if (message.live) temps.add(message.tmp);
    else temps.delete(message.tmp);
  });
  let report = false;
  child.stderr!.on("data", (chunk: Buffer) => {
    if (report) return;
    const text = chunk.toString("utf8");
    const at = text.search(V8_REPORT);
    if (at >= 0) report = true;
    process.stderr.write(at >= 0 ? text.slice(0, at) : text);
  });
  for (const signal of Object.keys(signals)) process.on(signal, () => child.kill(signal as NodeJS.Signals));
  const removeTemps = () => {
    for (const file of temps) rmSync(file, { force: true });
  };
  child.on("error", (error) => {
    process.stderr.write(describeError(error) + "\n");
    process.exit(EXIT.failed);
  });
  child.on("close", (code, signal) => {
    if (report || signal === "SIGABRT" || code === 134) {
      removeTemps();
      process.stderr.write(describeError(new XianjiaoError("OUT_OF_MEMORY", { mb: HEAP_MB })) + "\n");
      process.exit(EXIT.failed);
    }
    removeTemps();
    process.exit(code ?? (signal && signals[signal] ? signals[signal] : EXIT.failed));
  });
}
