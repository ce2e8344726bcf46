import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import { sampleWorkbookBytes } from "../../scripts/make-examples";

export interface RunOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command line in-process with a fixed clock (2025-03-25) and captured output. */
export async function cli(...argv: string[]): Promise<RunOutcome> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    stderrIsTTY: false,
    now: () => new Date(2025, 2, 25, 10, 0, 0),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

export function tempDir(): { dir: string; file: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), "xianjiao-cli-"));
  return { dir, file: (name) => path.join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function writeSample(file: string): Promise<void> {
  writeFileSync(file, await sampleWorkbookBytes());
}

export function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

export async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every non-empty cell value of a sheet by address (merged cells: the master only). */
export function cellValues(ws: ExcelJS.Worksheet): Map<string, string> {
  const out = new Map<string, string>();
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      out.set(cell.address, JSON.stringify(cell.value));
    });
  });
  return out;
}

export function noStrayFiles(dir: string, expected: string[]): void {
  const names = readdirSync(dir).sort();
  if (JSON.stringify(names) !== JSON.stringify([...expected].sort())) {
    throw new Error(`files in ${dir}: ${names.join(", ")}; expected ${expected.join(", ")}`);
  }
}

export { existsSync };
