#!/usr/bin/env node
// Builds the `xianjiao` command (package.json "bin" → bin/xianjiao.mjs) into build/xianjiao.cjs:
// our sources bundled into one file by esbuild, packages left to node_modules, so the command
// runs on plain Node without tsx or esbuild. Run by `npm run build:cli` and `prepare` (npm
// install, npm pack); bin/xianjiao.mjs also runs it when the sources are newer than the bundle.
// Without esbuild (an install without dev dependencies) the bundle there is kept as it is.
import { mkdirSync, renameSync } from "node:fs";
import { dirname, join } from "node:path";

const root = join(import.meta.dirname, "..");
export const BUNDLE = join(root, "build", "xianjiao.cjs");

let esbuild;
try {
  esbuild = await import("esbuild");
} catch {
  console.error("build-cli: esbuild is not installed; build/xianjiao.cjs is kept as it is");
  process.exit(0);
}

mkdirSync(dirname(BUNDLE), { recursive: true });
const tmp = `${BUNDLE}.${process.pid}.tmp`;
esbuild.buildSync({
  entryPoints: [join(root, "src", "cli", "bin.ts")],
  outfile: tmp,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
// a command started meanwhile reads the old bundle or the new one, never half of one
renameSync(tmp, BUNDLE);
