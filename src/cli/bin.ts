#!/usr/bin/env node
// The `xianjiao` command (package.json "bin"), bundled into build/xianjiao.cjs by scripts/build-cli.mjs.
import { runAsProcess } from "./main";

runAsProcess();
