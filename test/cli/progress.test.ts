import { LARGE_FILE_BYTES, makeProgress } from "../../src/cli/progress";
import type { CliIO } from "../../src/cli/io";

function capture(tty: boolean): { io: CliIO; err: () => string; out: () => string } {
  let err = "";
  let out = "";
  const io: CliIO = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), stderrIsTTY: tty, now: () => new Date(2025, 2, 25) };
  return { io, err: () => err, out: () => out };
}

describe("progress on stderr", () => {
  it("draws a bar that redraws itself on a terminal and clears it at the end", () => {
    const c = capture(true);
    const p = makeProgress(c.io, 1000);
    p.step("cli.progress.read", 0);
    p.step("cli.progress.evaluate", 0.5);
    p.done();
    expect(c.err()).toContain("\r████████████░░░░░░░░░░░░  50% 评议");
    expect(c.err().endsWith("\r\x1b[K")).toBe(true);
    expect(c.out()).toBe("");
  });

  it("prints plain lines for a large file when stderr is a log, nothing for a small one", () => {
    const large = capture(false);
    const p = makeProgress(large.io, LARGE_FILE_BYTES);
    p.step("cli.progress.write", 0.75);
    expect(large.err()).toBe("[ 75%] 保存文件…\n");
    const small = capture(false);
    makeProgress(small.io, 1000).step("cli.progress.read", 0);
    expect(small.err()).toBe("");
  });
});
