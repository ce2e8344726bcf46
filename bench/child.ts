import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

export interface ChildFigures {
  ms: number;
  /** Peak resident set size in bytes (from /usr/bin/time -v), null where it is not available. */
  peakRss: number | null;
  code: number;
  stderr: string;
}

const TIME = "/usr/bin/time";

/** Runs `node --import tsx script args…` as a child process: wall time and peak memory. */
export function runChild(script: string, args: string[], cwd: string): Promise<ChildFigures> {
  const node = [process.execPath, "--import", "tsx", script, ...args];
  const withTime = existsSync(TIME);
  const [command, ...rest] = withTime ? [TIME, "-v", ...node] : node;
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, rest, { cwd, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - start;
      const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const own = withTime ? stderr.replace(/\tCommand being timed:[\s\S]*$/, "") : stderr;
      resolve({ ms, peakRss: kb ? Number(kb[1]) * 1024 : null, code: code ?? -1, stderr: own.trim() });
    });
  });
}
