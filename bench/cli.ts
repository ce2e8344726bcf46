import { rmSync } from "node:fs";
import * as path from "node:path";
import { runChild, type ChildFigures } from "./child";
import { withStrayCell } from "./generate/stray";
import { fmt, verdict, type Row } from "./table";

/** Targets of the command line. */
const CLI_RATIO = 1.3;
const CLI_PEAK = 1.5 * 1024 ** 3;
/** A million members: every command within 2 GB. */
export const SCALE_SIZE = 1_000_000;
const SCALE_PEAK = 2 * 1024 ** 3;
/** A stray value far away costs at most this much more memory than none. */
const STRAY_RATIO = 1.1;
/** The size the stray-value target is judged at. */
const STRAY_SIZE = 160_000;
/** Above this the stray copy is not made (the roster sheet is rewritten as one string). */
const STRAY_MAX = 200_000;

const EVALUATE = ["--today", "2025-03-25", "--unit", "市直机关工委"];

function failed(rows: Row[], notes: string[], n: string, measure: string, figures: ChildFigures): void {
  rows.push({ area: "cli", size: n, measure, value: `failed (exit ${figures.code})`, verdict: "MISS" });
  notes.push(`cli ${measure} at ${n}: ${figures.stderr.slice(-400)}`);
}

const peak = (f: ChildFigures) => (f.peakRss === null ? "n/a" : fmt.mb(f.peakRss));

/**
 * The command line on one generated workbook: evaluate against its floor (exceljs reading and
 * writing the same workbook), the same with one stray value at XFD4, export and consolidate —
 * time and peak memory each. At a million members exceljs cannot load the workbook, so there is
 * no floor: evaluate runs with --report, and every command is held to 2 GB.
 */
export async function measureCli(size: number, xlsx: { file: string; bytes: number }, work: string, root: string): Promise<{ rows: Row[]; notes: string[] }> {
  const rows: Row[] = [];
  const notes: string[] = [];
  const n = fmt.n(size);
  const scale = size >= SCALE_SIZE;
  const main = path.join(root, "src/cli/main.ts");
  const out = path.join(work, `out-${size}.xlsx`);
  const log = (text: string) => process.stderr.write(`[${n}] ${text}\n`);
  try {
    let cli: ChildFigures | undefined;
    if (!scale) {
      // CLI and floor alternate (twice below 100,000 members) and the best of each is kept,
      // so other load on the machine blurs both alike
      const rounds = size < 100_000 ? 2 : 1;
      let floor: ChildFigures | undefined;
      /** The lowest peak of the runs without a stray value: one run's peak varies by a tenth with when the collector runs. */
      let plainPeak: number | null = null;
      const lowest = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
      for (let round = 0; round < rounds; round++) {
        log("exceljs floor…");
        const f = await runChild(path.join(root, "bench/floor.ts"), [xlsx.file, path.join(work, `floor-${size}.xlsx`)], root);
        log("CLI evaluate…");
        const c = await runChild(main, ["evaluate", xlsx.file, "-o", out, ...EVALUATE], root);
        if (!floor || f.ms < floor.ms) floor = f;
        if (!cli || c.ms < cli.ms) cli = c;
        if (c.code === 0) plainPeak = lowest(plainPeak, c.peakRss);
      }
      rmSync(path.join(work, `floor-${size}.xlsx`), { force: true });
      if (!cli || !floor || cli.code !== 0 || floor.code !== 0) {
        rows.push({ area: "cli", size: n, measure: "evaluate", value: `failed (cli ${cli?.code}, floor ${floor?.code})`, verdict: "MISS" });
        notes.push(`cli at ${n}: ${cli?.stderr.slice(-400)} ${floor?.stderr.slice(-400)}`);
        return { rows, notes };
      }
      const ratio = cli.ms / floor.ms;
      rows.push({ area: "cli", size: n, measure: `evaluate wall time (file ${fmt.mb(xlsx.bytes)})`, value: `${fmt.ms(cli.ms)} vs floor ${fmt.ms(floor.ms)}` });
      rows.push({ area: "cli", size: n, measure: "wall time / exceljs floor", value: fmt.ratio(ratio), target: `≤ ${fmt.ratio(CLI_RATIO)}`, verdict: verdict(ratio <= CLI_RATIO) });
      if (cli.cpuMs !== null && floor.cpuMs !== null) {
        rows.push({ area: "cli", size: n, measure: "CPU time / exceljs floor", value: `${fmt.ratio(cli.cpuMs / floor.cpuMs)} (${fmt.ms(cli.cpuMs)} vs ${fmt.ms(floor.cpuMs)})` });
      }
      if (cli.peakRss !== null && floor.peakRss !== null) {
        const big = size >= 160_000;
        rows.push({ area: "cli", size: n, measure: "peak RSS (floor)", value: `${fmt.mb(cli.peakRss)} (${fmt.mb(floor.peakRss)})`, target: big ? "≤ 1536 MB" : undefined, verdict: big ? verdict(cli.peakRss <= CLI_PEAK) : undefined });
      }
      if (size <= STRAY_MAX) {
        // as many runs with the stray value as without (twice where the target is judged), the lowest peak of each compared
        const judged = size === STRAY_SIZE;
        const strayRounds = judged ? 2 : rounds;
        const stray = await withStrayCell(xlsx.file);
        let strayRun: ChildFigures | undefined;
        let strayPeak: number | null = null;
        for (let round = 0; round < strayRounds; round++) {
          if (round >= rounds) {
            log("CLI evaluate…");
            const c = await runChild(main, ["evaluate", xlsx.file, "-o", out, ...EVALUATE], root);
            if (c.code === 0) plainPeak = lowest(plainPeak, c.peakRss);
          }
          log("CLI evaluate with a stray value at XFD4…");
          const s = await runChild(main, ["evaluate", stray.file, "-o", path.join(work, `stray-${size}.xlsx`), ...EVALUATE], root);
          rmSync(path.join(work, `stray-${size}.xlsx`), { force: true });
          if (s.code !== 0) {
            strayRun = s;
            break;
          }
          strayPeak = lowest(strayPeak, s.peakRss);
          if (!strayRun || s.ms < strayRun.ms) strayRun = s;
        }
        if (strayRun && strayRun.code !== 0) failed(rows, notes, n, "evaluate with a stray value at XFD4", strayRun);
        else if (strayRun && strayPeak !== null && plainPeak !== null) {
          const r = strayPeak / plainPeak;
          const runs = strayRounds > 1 ? `, lowest of ${strayRounds} runs each` : "";
          rows.push({ area: "cli", size: n, measure: "peak RSS, one stray value at XFD4 / none", value: `${fmt.ratio(r)} (${fmt.mb(strayPeak)} vs ${fmt.mb(plainPeak)}${runs}; ${fmt.ms(strayRun.ms)})`, target: judged ? `≤ ${fmt.ratio(STRAY_RATIO)}` : undefined, verdict: judged ? verdict(r <= STRAY_RATIO) : undefined });
        }
      }
    } else {
      log("CLI evaluate --report…");
      const report = path.join(work, `report-${size}.json`);
      cli = await runChild(main, ["evaluate", xlsx.file, "-o", out, "--report", report, ...EVALUATE], root);
      rmSync(report, { force: true });
      if (cli.code !== 0) {
        failed(rows, notes, n, "evaluate --report", cli);
        return { rows, notes };
      }
      rows.push({ area: "cli", size: n, measure: `evaluate --report (file ${fmt.mb(xlsx.bytes)}): time, peak RSS`, value: `${fmt.ms(cli.ms)}, ${peak(cli)}`, target: "≤ 2048 MB", verdict: cli.peakRss === null ? "n/a" : verdict(cli.peakRss <= SCALE_PEAK) });
    }
    // the summaries of what evaluate wrote: export reads our sheets of OUT, consolidate reads them too
    const commands: [string, string[]][] = [
      ["export", ["export", out, "-o", path.join(work, `summary-${size}.xlsx`)]],
      ["consolidate (of the evaluated workbook)", ["consolidate", out, "-o", path.join(work, `all-${size}.xlsx`), "--unit", "市委组织部"]],
    ];
    for (const [measure, args] of commands) {
      log(`CLI ${args[0]}…`);
      const f = await runChild(main, args, root);
      if (f.code !== 0) {
        failed(rows, notes, n, measure, f);
        continue;
      }
      rows.push({ area: "cli", size: n, measure: `${measure}: time, peak RSS`, value: `${fmt.ms(f.ms)}, ${peak(f)}`, target: scale ? "≤ 2048 MB" : undefined, verdict: scale ? (f.peakRss === null ? "n/a" : verdict(f.peakRss <= SCALE_PEAK)) : undefined });
    }
    return { rows, notes };
  } finally {
    for (const file of [out, path.join(work, `summary-${size}.xlsx`), path.join(work, `all-${size}.xlsx`)]) rmSync(file, { force: true });
  }
}
