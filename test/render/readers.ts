import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Spreadsheet readers nobody here wrote, run on what the command line writes: LibreOffice
 * (soffice, converting to PDF or CSV) and openpyxl (Debian's python3-openpyxl), which is strict
 * about attribute values. Both are checked where installed, and always on CI.
 */

export function onPath(command: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const file = path.join(dir, command);
    if (dir && existsSync(file)) return file;
  }
  return null;
}

export const SOFFICE = onPath("soffice");
export const ON_CI = Boolean(process.env.CI);

const PYTHON = "/usr/bin/python3";
export const OPENPYXL = existsSync(PYTHON) && spawnSync(PYTHON, ["-c", "import openpyxl"], { encoding: "utf8" }).status === 0;

/** Converts the files with LibreOffice in one run; the converted files' names, sorted. */
export function sofficeConvert(files: string[], outDir: string, format = "pdf"): { status: number | null; errors: string[]; converted: string[] } {
  const profile = mkdtempSync(path.join(tmpdir(), "xianjiao-lo-profile-"));
  try {
    const run = spawnSync(SOFFICE ?? "soffice", [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--convert-to", format, "--outdir", outDir, ...files], {
      encoding: "utf8",
      timeout: 280_000,
    });
    if (run.error) throw new Error(`soffice could not run (${run.error.message}); install LibreOffice: apt-get install libreoffice-calc`);
    const converted = existsSync(outDir) ? readdirSync(outDir).sort() : [];
    return { status: run.status, errors: run.stderr.split("\n").filter((l) => /error/i.test(l)), converted };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Opens each file with openpyxl.load_workbook (one Python process); per file, the error it
 * raised or null, and the sheet names it read.
 */
export function openpyxlLoad(files: string[]): { file: string; error: string | null; sheets: string[] }[] {
  const script = [
    "import json, sys, warnings",
    "warnings.simplefilter('ignore')",
    "import openpyxl",
    "out = []",
    "for f in sys.argv[1:]:",
    "    try:",
    "        wb = openpyxl.load_workbook(f)",
    "        out.append({'file': f, 'error': None, 'sheets': wb.sheetnames})",
    "    except Exception as e:",
    "        out.append({'file': f, 'error': type(e).__name__ + ': ' + str(e), 'sheets': []})",
    "print(json.dumps(out, ensure_ascii=False))",
  ].join("\n");
  const run = spawnSync(PYTHON, ["-c", script, ...files], { encoding: "utf8", timeout: 120_000 });
  if (run.status !== 0) throw new Error(`openpyxl could not run: ${run.stderr}`);
  return JSON.parse(run.stdout) as { file: string; error: string | null; sheets: string[] }[];
}

/** A one-sheet workbook (党员名单) of `rows` as openpyxl itself writes it. */
export function openpyxlWrite(file: string, rows: (string | number)[][]): void {
  const script = [
    "import json, sys",
    "import openpyxl",
    "wb = openpyxl.Workbook()",
    "ws = wb.active",
    "ws.title = '党员名单'",
    "for row in json.loads(sys.argv[2]):",
    "    ws.append(row)",
    "wb.save(sys.argv[1])",
  ].join("\n");
  const run = spawnSync(PYTHON, ["-c", script, file, JSON.stringify(rows)], { encoding: "utf8", timeout: 60_000 });
  if (run.status !== 0) throw new Error(`openpyxl could not write ${file}: ${run.stderr}`);
}
