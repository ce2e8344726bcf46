#!/usr/bin/env node
// Runs a TypeScript entry point (the command line, the benchmark, the example generator) the way
// the task pane runs its code: our sources bundled into one file (here by esbuild, there by
// webpack), packages left to node_modules. Loaded file by file instead, every call between our
// modules would go through an export getter, which costs the engine a third of its time at city
// scale. The bundle is rebuilt on every run (a fraction of a second) into node_modules/.cache.
//
//   node scripts/run-ts.mjs ENTRY.ts [args…]
//   node scripts/run-ts.mjs --bundle ENTRY.ts     (only bundles, and prints the bundle's path)
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { buildSync } from "esbuild";

const root = join(import.meta.dirname, "..");

/** Bundles `entry` and returns the bundle's path. */
export function bundle(entry) {
  const source = resolve(entry);
  const name = relative(root, source).replace(/[\\/]/g, "-").replace(/\.ts$/, "");
  const outfile = join(root, "node_modules", ".cache", "xianjiao", "run", `${name}.cjs`);
  mkdirSync(dirname(outfile), { recursive: true });
  buildSync({
    entryPoints: [source],
    outfile,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    sourcemap: "inline",
    // The entry points find the project's files next to themselves.
    define: { __dirname: JSON.stringify(dirname(source)), __filename: JSON.stringify(source) },
    logLevel: "warning",
  });
  return outfile;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const only = argv[0] === "--bundle";
  const [entry, ...args] = only ? argv.slice(1) : argv;
  if (!entry) {
    console.error(`usage: node scripts/${basename(import.meta.filename)} ENTRY.ts [args…]`);
    process.exit(2);
  }
  if (only) {
    process.stdout.write(`${bundle(entry)}\n`);
    process.exit(0);
  }
  const run = spawnSync(process.execPath, ["--enable-source-maps", bundle(entry), ...args], { stdio: "inherit" });
  process.exit(run.status ?? 1);
}
