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
import { runChild } from "./child";
import { measureCli, SCALE_SIZE } from "./cli";
import { ensureBuild, measureBundle } from "./bundle";
import { measureBrowser } from "./browser";
import { parseOptions } from "./options";
import { profileEngine } from "./profile/engine-profile";
import { fmt, renderTable, verdict, type Row } from "./table";

const ROOT = path.resolve(__dirname, "..");
/** Targets. */
const ENGINE_TARGET = { members: 160_000, ms: 500 };
const ENGINE_RATE = ENGINE_TARGET.members / (ENGINE_TARGET.ms / 1000);
const REQUEST_LIMIT = 4 * 1024 * 1024;
const BROWSER_SIZE = 25_700;

const log = (text: string) => process.stderr.write(`${text}\n`);

/** A million members' workbook is generated (once, then cached) in a process with a larger heap. */
async function generateInChild(size: number, seed: number): Promise<{ file: string; bytes: number; generated: boolean }> {
  const child = await runChild(path.join(ROOT, "bench/generate/child.ts"), [String(size), String(seed)], ROOT, { nodeArgs: ["--max-old-space-size=8192"], stdout: true });
  if (child.code !== 0) throw new Error(`generating ${size} members failed: ${child.stderr.slice(-400)}`);
  return JSON.parse(child.stdout.trim().split("\n").pop()!) as { file: string; bytes: number; generated: boolean };
}

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
        if (!options.skip.has("engine") && size < SCALE_SIZE) {
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
          if (options.profile && size === sizes.filter((s) => s < SCALE_SIZE).pop()) {
            const prof = await profileEngine(input, work.replace(/run-[^/]*$/, ""), size);
            notes.push(`engine profile at ${n} members (${prof.file}), hottest by self time:`);
            for (const h of prof.hot) notes.push(`  ${fmt.ms(h.selfMs).padStart(8)} self ${fmt.ms(h.totalMs).padStart(8)} total  ${h.name}  ${h.where}`);
          }
        }
        if (!options.skip.has("office") && size < SCALE_SIZE) {
          log(`[${n}] generating grids…`);
          const { sheets } = generateWorkbook(size, options.seed);
          log(`[${n}] office host on the in-memory workbook…`);
          const o = await measureOffice(sheets, size);
          office.push(o);
          // the smallest size's counts: a larger unit has no more (fewer when it has too many branches for a register)
          const base = office[0];
          const allowedSyncs = base.apply.syncs + Math.ceil(o.apply.totalRequestBytes / REQUEST_LIMIT) - Math.ceil(base.apply.totalRequestBytes / REQUEST_LIMIT);
          rows.push({ area: "office", size: n, measure: "apply: syncs", value: String(o.apply.syncs), target: `≤ ${allowedSyncs} (const + 1 per 4 MB)`, verdict: verdict(o.apply.syncs <= allowedSyncs) });
          rows.push({ area: "office", size: n, measure: "apply: largest request (all requests)", value: `${fmt.kb(o.apply.largestRequestBytes)} (${fmt.mb(o.apply.totalRequestBytes)})`, target: "< 4 MB", verdict: verdict(o.apply.largestRequestBytes < REQUEST_LIMIT) });
          rows.push({ area: "office", size: n, measure: "apply: conditional-format / format ops", value: `${o.apply.conditionalFormatOps} / ${o.apply.formatOps}`, target: `≤ ${base.apply.conditionalFormatOps} / ${base.apply.formatOps} (const in rows)`, verdict: verdict(o.apply.conditionalFormatOps <= base.apply.conditionalFormatOps && o.apply.formatOps <= base.apply.formatOps) });
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
        const xlsx = size >= SCALE_SIZE ? await generateInChild(size, options.seed) : await generateXlsx(size, options.seed);
        if (xlsx.generated) notes.push(`generated ${path.basename(xlsx.file)} (${fmt.mb(xlsx.bytes)}) in ${fmt.ms(performance.now() - genStart)}; cached in ${path.dirname(xlsx.file)}`);
        const cli = await measureCli(size, xlsx, work, ROOT);
        rows.push(...cli.rows);
        notes.push(...cli.notes);
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
