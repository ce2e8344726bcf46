import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** `npm run build` as IT runs it, stopped at its settings before anything is built. */

const ROOT = resolve(__dirname, "../..");

function build(env: Record<string, string | undefined>) {
  const out = mkdtempSync(join(tmpdir(), "xianjiao-build-"));
  try {
    const childEnv = { ...process.env };
    for (const [key, value] of Object.entries(env)) {
      if (value === undefined) delete childEnv[key];
      else childEnv[key] = value;
    }
    const run = spawnSync(process.execPath, [join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "production", "--env", `outDir=${out}`], { cwd: ROOT, encoding: "utf8", env: childEnv, timeout: 120_000 });
    return { code: run.status, stderr: run.stderr, wrote: existsSync(join(out, "taskpane.html")) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

test("without ADDIN_URL the production build stops with the sentence saying what to set, and no stack", () => {
  const run = build({ ADDIN_URL: undefined });
  expect(run.code).toBe(2);
  expect(run.wrote).toBe(false);
  const lines = run.stderr.trim().split("\n");
  expect(lines[0]).toMatch(/^没有设置 ADDIN_URL：.*ADDIN_URL=https:\/\/oa\.example\.gov\.cn\/xianjiao\/ npm run build/);
  expect(lines[1]).toMatch(/^ADDIN_URL is not set/);
  expect(run.stderr).not.toMatch(/\s+at\s|webpack-cli/);
});

test("an http address is refused the same way", () => {
  const run = build({ ADDIN_URL: "http://oa.example.gov.cn/xianjiao/" });
  expect(run.code).toBe(2);
  expect(run.stderr).toContain("必须以 https:// 开头");
});
