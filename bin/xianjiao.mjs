#!/usr/bin/env node
// The `xianjiao` command: runs build/xianjiao.cjs, the command line bundled for plain Node
// (scripts/build-cli.mjs). In the project's own folder, where the sources are, the bundle is
// rebuilt first when a source file is newer than it.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const bundle = join(root, "build", "xianjiao.cjs");
const sources = join(root, "src");
const builder = join(root, "scripts", "build-cli.mjs");

/** The newest modification time of the .ts files under `dir`. */
function newest(dir) {
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name);
    if (entry.isDirectory()) time = Math.max(time, newest(file));
    else if (entry.name.endsWith(".ts")) time = Math.max(time, statSync(file).mtimeMs);
  }
  return time;
}

const stale = !existsSync(bundle) || (existsSync(sources) && newest(sources) > statSync(bundle).mtimeMs);
if (stale && existsSync(builder)) spawnSync(process.execPath, [builder], { stdio: ["ignore", "ignore", "inherit"] });
if (!existsSync(bundle)) {
  process.stderr.write("命令行尚未构建：请在项目文件夹中运行 npm run build:cli 后重试\n");
  process.exit(2);
}
createRequire(import.meta.url)(bundle);
