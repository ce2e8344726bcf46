#!/usr/bin/env node
// Makes `npm run demo` and `npm test` work on a fresh clone: installs the locked packages when
// node_modules is missing or older than the lock file, and (for tests, as root on Debian)
// the Chromium, LibreOffice, openpyxl and CJK fonts the browser and rendering tests drive.
import { execSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const wantSystem = process.argv.includes("--system");

function run(command) {
  console.error(`> ${command}`);
  execSync(command, { cwd: root, stdio: "inherit" });
}

const marker = join(root, "node_modules", ".package-lock.json");
const lock = join(root, "package-lock.json");
if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs) {
  run("npm ci --no-audit --no-fund");
}

if (wantSystem) {
  const has = (cmd) => {
    try {
      execSync(`command -v ${cmd}`, { stdio: "ignore", shell: "/bin/bash" });
      return true;
    } catch {
      return false;
    }
  };
  const missing = [];
  if (!has("chromium")) missing.push("chromium");
  if (!has("soffice")) missing.push("libreoffice-calc");
  if (!has("pdftoppm")) missing.push("poppler-utils");
  try {
    execSync('/usr/bin/python3 -c "import openpyxl"', { stdio: "ignore" });
  } catch {
    missing.push("python3-openpyxl");
  }
  if (missing.length > 0) {
    const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
    if (isRoot && has("apt-get")) {
      run("apt-get update -qq");
      run(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${missing.join(" ")} fonts-noto-cjk`);
    } else {
      console.error(`The browser and rendering tests need: ${missing.join(", ")} (Debian: sudo apt-get install ${missing.join(" ")} fonts-noto-cjk).`);
    }
  }
}
