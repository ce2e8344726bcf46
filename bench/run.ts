/**
 * npm run bench [-- --sizes 1000,25700] [--skip browser,cli] [--profile]
 * Prints one table; every figure is measured in this run.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus } from "node:os";
import * as path from "node:path";
import { generateInput, generateXlsx, generateWorkbook, cacheDir } from "./generate";
import { TIMED_RUNS, WARM_UP_RUNS, measureEngine } from "./engine";
import { measureOffice, type OfficeFigures } from "./office";
import { runChild, type ChildFigures } from "./child";
import { ensureBuild, measureBundle } from "./bundle";
import { measureBrowser } from "./browser";
import { parseOptions } from "./options";
import { profileEngine } from "./profile/engine-profile";
import { fmt, renderTable, verdict, type Row } from "./table";

const ROOT = path.resolve(__dirname, "..");
/** Targets. */
const ENGINE_TARGET = { members: 160_000, ms: 500 };
const ENGINE_RATE = ENGINE_TARGET.members / (ENGINE_TARGET.ms / 1000);
const CLI_RATIO = 1.3;
const CLI_PEAK = 1.5 * 1024 ** 3;
const REQUEST_LIMIT = 4 * 1024 * 1024;
const BROWSER_SIZE = 25_700;

const log = (text: string) => process.stderr.write(`${text}\n`);

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const rows: Row[] = [];
  const notes: string[] = [];
  const office: OfficeFigures[] = [];
  const work = mkdtempSync(path.join(cacheDir(), "run-"));
  const sizes = [...options.sizes].sort((a, b) => a - b);
  try {
    for (const size of sizes) {
      const n = fmt.n(size);
      {
        if (!options.skip.has("engine")) {
          // Only the engine's input is alive while it is timed: the sheets it was made from
          // would add their weight to every garbage collection the engine pays for.
          log(`[${n}] generating grids…`);
          const input = generateInput(size, options.seed);
          log(`[${n}] engine…`);
          const e = measureEngine(input, size);
          const p = e.phases;
          rows.push({ area: "engine", size: n, measure: `evaluateWorkbook (best of ${TIMED_RUNS} after ${WARM_UP_RUNS} warm-up)`, value: `${fmt.ms(e.bestMs)} (median ${fmt.ms(e.medianMs)}, cold ${fmt.ms(e.firstMs)})`, target: size === ENGINE_TARGET.members ? `< ${ENGINE_TARGET.ms} ms` : undefined, verdict: size === ENGINE_TARGET.members ? verdict(e.bestMs < ENGINE_TARGET.ms) : undefined });
          const atTarget = size === ENGINE_TARGET.members;
          rows.push({ area: "engine", size: n, measure: "members per second", value: fmt.n(Math.round(e.membersPerSecond)), target: atTarget ? `≥ ${fmt.n(ENGINE_RATE)}` : undefined, verdict: atTarget ? verdict(e.membersPerSecond >= ENGINE_RATE) : undefined });
          rows.push({ area: "engine", size: n, measure: "phases read/evaluate/summarise/plan (median of 3)", value: [p.readMs, p.evaluateMs, p.summariseMs, p.planMs].map(fmt.ms).join(" / ") });
          if (options.profile && size === sizes[sizes.length - 1]) {
            const prof = await profileEngine(input, work.replace(/run-[^/]*$/, ""), size);
            notes.push(`engine profile at ${n} members (${prof.file}), hottest by self time:`);
            for (const h of prof.hot) notes.push(`  ${fmt.ms(h.selfMs).padStart(8)} self ${fmt.ms(h.totalMs).padStart(8)} total  ${h.name}  ${h.where}`);
          }
        }
        if (!options.skip.has("office")) {
          log(`[${n}] generating grids…`);
          const { sheets } = generateWorkbook(size, options.seed);
          log(`[${n}] office host on the in-memory workbook…`);
          const o = await measureOffice(sheets, size);
          office.push(o);
          const base = office[0];
          const allowedSyncs = base.apply.syncs + Math.ceil(o.apply.totalRequestBytes / REQUEST_LIMIT) - Math.ceil(base.apply.totalRequestBytes / REQUEST_LIMIT);
          rows.push({ area: "office", size: n, measure: "apply: syncs", value: String(o.apply.syncs), target: `≤ ${allowedSyncs} (const + 1 per 4 MB)`, verdict: verdict(o.apply.syncs <= allowedSyncs) });
          rows.push({ area: "office", size: n, measure: "apply: largest request (all requests)", value: `${fmt.kb(o.apply.largestRequestBytes)} (${fmt.mb(o.apply.totalRequestBytes)})`, target: "< 4 MB", verdict: verdict(o.apply.largestRequestBytes < REQUEST_LIMIT) });
          rows.push({ area: "office", size: n, measure: "apply: conditional-format / format ops", value: `${o.apply.conditionalFormatOps} / ${o.apply.formatOps}`, target: `= ${base.apply.conditionalFormatOps} / ${base.apply.formatOps} (const)`, verdict: verdict(o.apply.conditionalFormatOps === base.apply.conditionalFormatOps && o.apply.formatOps === base.apply.formatOps) });
          rows.push({ area: "office", size: n, measure: "apply: cells written, time (memory)", value: `${fmt.n(o.apply.cellsWritten)}, ${fmt.ms(o.apply.ms)}` });
          rows.push({ area: "office", size: n, measure: "read: syncs", value: String(o.readSyncs) });
          const row = o.naivePerRow;
          rows.push({ area: "naive", size: n, measure: "per-row sync: syncs / format ops", value: row ? `${fmt.n(row.syncs)} / ${fmt.n(row.formatOps)}` : "not run (one sync per member)", target: row ? `ours ${fmt.ratio(row.syncs / o.apply.syncs)} fewer syncs` : undefined });
          const batch = o.naivePerBatch;
          rows.push({ area: "naive", size: n, measure: `sync per ${500} rows: syncs / format ops / largest`, value: `${fmt.n(batch.syncs)} / ${fmt.n(batch.formatOps)} / ${fmt.kb(batch.largestRequestBytes)}`, target: `ours ${fmt.ratio(batch.formatOps / Math.max(1, o.apply.formatOps + o.apply.conditionalFormatOps))} fewer format ops` });
        }
      }
      if (!options.skip.has("cli")) {
        log(`[${n}] .xlsx file…`);
        const genStart = performance.now();
        const xlsx = await generateXlsx(size, options.seed);
        if (xlsx.generated) notes.push(`generated ${path.basename(xlsx.file)} (${fmt.mb(xlsx.bytes)}) in ${fmt.ms(performance.now() - genStart)}; cached in ${path.dirname(xlsx.file)}`);
        // CLI and floor alternate (twice below 100,000 members) and the best of each is kept,
        // so other load on the machine blurs both alike
        const out = path.join(work, `out-${size}.xlsx`);
        const rounds = size < 100_000 ? 2 : 1;
        let cli: ChildFigures | undefined;
        let floor: ChildFigures | undefined;
        for (let round = 0; round < rounds; round++) {
          log(`[${n}] exceljs floor…`);
          const f = await runChild(path.join(ROOT, "bench/floor.ts"), [xlsx.file, path.join(work, `floor-${size}.xlsx`)], ROOT);
          log(`[${n}] CLI evaluate…`);
          const c = await runChild(path.join(ROOT, "src/cli/main.ts"), ["evaluate", xlsx.file, "-o", out, "--today", "2025-03-25", "--unit", "市直机关工委"], ROOT);
          if (!floor || f.ms < floor.ms) floor = f;
          if (!cli || c.ms < cli.ms) cli = c;
        }
        if (!cli || !floor) continue;
        rmSync(out, { force: true });
        rmSync(path.join(work, `floor-${size}.xlsx`), { force: true });
        if (cli.code !== 0 || floor.code !== 0) {
          rows.push({ area: "cli", size: n, measure: "evaluate", value: `failed (cli ${cli.code}, floor ${floor.code})`, verdict: "MISS" });
          notes.push(`cli at ${n}: ${cli.stderr.slice(-400)} ${floor.stderr.slice(-400)}`);
        } else {
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
        }
      }
    }
    if (!options.skip.has("bundle") || !options.skip.has("browser")) {
      log("task pane build…");
      const build = ensureBuild(ROOT, path.join(cacheDir(), "dist"));
      if (build.error) {
        rows.push({ area: "bundle", size: "", measure: "first-load JS (gzip)", value: "build failed", verdict: "SKIP" });
        notes.push(`webpack build failed: ${build.error}`);
      } else {
        if (build.built) notes.push(`built what was missing or stale: the task pane in ${build.dir}, the demo in ${build.demoDir}`);
        if (!options.skip.has("bundle")) {
          const b = measureBundle(build.dir);
          rows.push({ area: "bundle", size: "", measure: `task pane first-load JS, gzip (${b.firstLoad.length} files)`, value: fmt.kb(b.firstLoadGzip), target: "≤ 300 KB", verdict: verdict(b.firstLoadGzip <= 300 * 1024) });
          rows.push({ area: "bundle", size: "", measure: "exceljs only on export", value: b.exceljsDeferred ? `yes (in ${b.exceljsChunks.join(", ")})` : "no: in first load", target: "yes", verdict: verdict(b.exceljsDeferred) });
        }
        if (!options.skip.has("browser")) {
          if (!sizes.includes(BROWSER_SIZE)) {
            rows.push({ area: "browser", size: fmt.n(BROWSER_SIZE), measure: "demo: click 评议 → painted results", value: "not run (size not in --sizes)", verdict: "SKIP" });
          } else {
            log(`[${fmt.n(BROWSER_SIZE)}] Chromium demo…`);
            try {
              const xlsx = await generateXlsx(BROWSER_SIZE, options.seed);
              const b = await measureBrowser(build.demoDir, xlsx.file, BROWSER_SIZE);
              rows.push({ area: "browser", size: fmt.n(BROWSER_SIZE), measure: "demo: load and parse the workbook", value: fmt.ms(b.loadMs) });
              rows.push({ area: "browser", size: fmt.n(BROWSER_SIZE), measure: "demo: click 评议 → painted results", value: fmt.ms(b.evaluateMs) });
            } catch (error) {
              rows.push({ area: "browser", size: fmt.n(BROWSER_SIZE), measure: "demo: click 评议 → painted results", value: "failed (see note)", verdict: "SKIP" });
              notes.push(`browser: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
            }
          }
        }
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write(`\n先教评议助手 — benchmark (${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${cpus().length} cores)\n\n`);
  process.stdout.write(renderTable(rows) + "\n");
  if (notes.length > 0) process.stdout.write("\n" + notes.join("\n") + "\n");
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
