import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import * as path from "node:path";

export interface ChildFigures {
  ms: number;
  /** Peak resident set size in bytes (from /usr/bin/time -v), null where it is not available. */
  peakRss: number | null;
  /** User + system CPU seconds of the child (from /usr/bin/time), null where not available: less blurred by other load than wall time. */
  cpuMs: number | null;
  code: number;
  stderr: string;
  /** What the child printed, when asked to keep it. */
  stdout: string;
}

export interface ChildOptions {
  /** Flags for node itself (a larger heap). */
  nodeArgs?: string[];
  /** Keep the child's stdout (else it is dropped). */
  stdout?: boolean;
}

const TIME = "/usr/bin/time";

/** Bundles a TypeScript entry point as `npm run xianjiao` runs it (scripts/run-ts.mjs); returns the bundle's path. */
function bundled(script: string, cwd: string): string {
  return execFileSync(process.execPath, [path.join(cwd, "scripts", "run-ts.mjs"), "--bundle", script], { cwd, encoding: "utf8" }).trim();
}

/** Runs a TypeScript entry point, bundled beforehand, as a child process: wall time and peak memory. */
export function runChild(script: string, args: string[], cwd: string, options: ChildOptions = {}): Promise<ChildFigures> {
  const node = [process.execPath, ...(options.nodeArgs ?? []), bundled(script, cwd), ...args];
  const withTime = existsSync(TIME);
  const [command, ...rest] = withTime ? [TIME, "-v", ...node] : node;
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, rest, { cwd, stdio: ["ignore", options.stdout ? "pipe" : "ignore", "pipe"] });
    let stderr = "";
    let stdout = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - start;
      const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
      const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
      const cpuMs = user && system ? (Number(user[1]) + Number(system[1])) * 1000 : null;
      const own = withTime ? stderr.replace(/\s*Command being timed:[\s\S]*$/, "") : stderr;
      resolve({ ms, cpuMs, peakRss: kb ? Number(kb[1]) * 1024 : null, code: code ?? -1, stderr: own.trim(), stdout });
    });
  });
}
