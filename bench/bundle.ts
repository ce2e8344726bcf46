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

/**
 * dist/ when it is there, else a production build of our own in `fallback` (dist/ is left
 * alone), rebuilt when a source file is newer than it.
 */
export function ensureBuild(root: string, fallback: string): { dir: string; built: boolean; error?: string } {
  const dist = path.join(root, "dist");
  if (existsSync(path.join(dist, "taskpane.html"))) return { dir: dist, built: false };
  const built = path.join(fallback, "taskpane.html");
  if (existsSync(built) && existsSync(path.join(fallback, "demo.html")) && statSync(built).mtimeMs > newest(path.join(root, "src"))) {
    return { dir: fallback, built: false };
  }
  const run = spawnSync(process.execPath, [path.join(root, "node_modules/webpack/bin/webpack.js"), "--mode", "production", "--env", `outDir=${fallback}`], {
    cwd: root,
    encoding: "utf8",
    timeout: 300_000,
  });
  if (run.status !== 0 || !existsSync(path.join(fallback, "taskpane.html"))) {
    return { dir: fallback, built: false, error: (run.stderr || run.stdout || String(run.error ?? "")).split("\n").filter(Boolean).slice(-3).join(" / ") };
  }
  return { dir: fallback, built: true };
}

/** Our scripts the page loads (office.js from Microsoft's CDN is not ours and not counted). */
function scriptsOf(html: string): string[] {
  return [...html.matchAll(/<script[^>]*\ssrc=("?)([^"\s>]+)\1/g)]
    .map((m) => m[2])
    .filter((src) => !/^https?:/.test(src))
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
