import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { gzipSync } from "node:zlib";

export interface BundleFigures {
  dir: string;
  /** Scripts the task pane page loads before anything else. */
  firstLoad: { file: string; bytes: number; gzip: number }[];
  firstLoadGzip: number;
  /** True when no first-load script holds exceljs (it must only load on export). */
  exceljsDeferred: boolean;
  /** Chunks that hold exceljs (loaded on demand). */
  exceljsChunks: string[];
}

/** Text only exceljs's own code holds. */
const EXCELJS_MARKS = ["sharedStrings.xml", "xl/worksheets/", "docProps/core.xml"];

/** Latest modification time of any file under `dir`. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(file) : statSync(file).mtimeMs);
  }
  return latest;
}

function webpackBuild(root: string, args: string[], env: Record<string, string> = {}): string | undefined {
  const run = spawnSync(process.execPath, [path.join(root, "node_modules/webpack/bin/webpack.js"), "--mode", "production", ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 300_000,
    env: { ...process.env, ...env },
  });
  return run.status === 0 ? undefined : (run.stderr || run.stdout || String(run.error ?? "")).split("\n").filter(Boolean).slice(-3).join(" / ");
}

/**
 * The task pane: dist/ when it is there, else a production build of our own in `fallback/addin`
 * (for an address of no importance: only its sizes are measured); and the demo, built in
 * `fallback/demo`. dist/ is left alone; each is rebuilt when a source file is newer than it.
 */
export function ensureBuild(root: string, fallback: string): { dir: string; demoDir: string; built: boolean; error?: string } {
  const dist = path.join(root, "dist");
  const dir = existsSync(path.join(dist, "taskpane.html")) ? dist : path.join(fallback, "addin");
  const demoDir = path.join(fallback, "demo");
  const stale = (page: string) => !existsSync(page) || statSync(page).mtimeMs <= newest(path.join(root, "src"));
  let built = false;
  if (dir !== dist && stale(path.join(dir, "taskpane.html"))) {
    const error = webpackBuild(root, ["--env", `outDir=${dir}`], { ADDIN_URL: "https://localhost:3000/" });
    if (error || !existsSync(path.join(dir, "taskpane.html"))) return { dir, demoDir, built, error: error ?? "no taskpane.html" };
    built = true;
  }
  if (stale(path.join(demoDir, "demo.html"))) {
    const error = webpackBuild(root, ["--env", "only=demo", "--env", `outDir=${demoDir}`]);
    if (error || !existsSync(path.join(demoDir, "demo.html"))) return { dir, demoDir, built, error: error ?? "no demo.html" };
    built = true;
  }
  return { dir, demoDir, built };
}

/** Our scripts the page loads (Office.js, from Microsoft's CDN or our copy of it, is not ours and not counted). */
function scriptsOf(html: string): string[] {
  return [...html.matchAll(/<script[^>]*\ssrc=("?)([^"\s>]+)\1/g)]
    .map((m) => m[2])
    .filter((src) => !/^https?:/.test(src) && !src.startsWith("office-js/"))
    .map((src) => src.replace(/^\.?\//, ""));
}

/** Gzipped size of the task pane's first-load JavaScript, and where exceljs went. */
export function measureBundle(dir: string): BundleFigures {
  const html = readFileSync(path.join(dir, "taskpane.html"), "utf8");
  const firstLoad = scriptsOf(html).map((file) => {
    const bytes = readFileSync(path.join(dir, file));
    return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const holdsExceljs = (file: string) => {
    const text = readFileSync(path.join(dir, file), "utf8");
    return EXCELJS_MARKS.every((mark) => text.includes(mark));
  };
  const jsFiles = readdirSync(dir).filter((f) => f.endsWith(".js"));
  const exceljsChunks = jsFiles.filter(holdsExceljs);
  return {
    dir,
    firstLoad,
    firstLoadGzip: firstLoad.reduce((s, f) => s + f.gzip, 0),
    exceljsDeferred: !firstLoad.some((f) => exceljsChunks.includes(f.file)),
    exceljsChunks,
  };
}
