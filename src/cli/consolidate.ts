import * as path from "node:path";
import { SHEET_MARK } from "../engine";
import { XianjiaoError, describeError } from "../errors";
import { streamSheetPlans } from "../hosts/xlsx/stream-plans";
import { checkOutputs, writeFileAtomic } from "../hosts/xlsx/write-atomic";
import { t } from "../i18n/t";
import { branchesSheet, consolidatedAbout, unitsSheet } from "./consolidate-sheets";
import { EXIT, type CliIO } from "./io";
import { localIsoDate, sameFile } from "./options";
import { readSummaryFile, type UnitSummary } from "./summary-file";

export interface ConsolidateOptions {
  output: string;
  allowMixedRules?: boolean;
  branches?: boolean;
  unit?: string;
}

/** The fingerprint most files share (ties: the first file's). */
function commonFingerprint(units: readonly UnitSummary[]): string {
  const counts = new Map<string, number>();
  for (const u of units) counts.set(u.fingerprint, (counts.get(u.fingerprint) ?? 0) + 1);
  let best = units[0].fingerprint;
  for (const [fp, n] of counts) if (n > (counts.get(best) ?? 0)) best = fp;
  return best;
}

/**
 * consolidate S1 S2 … -o ALL: one row per unit and a 合计 row. A file that is not a summary,
 * a unit sent twice, or (without --allow-mixed-rules) a summary made under other rules is
 * named on stderr and left out; the rest is merged (exit 1 then, 0 when all went in).
 */
export async function runConsolidate(files: string[], options: ConsolidateOptions, io: CliIO): Promise<number> {
  for (const file of files) {
    if (await sameFile(file, options.output)) throw new XianjiaoError("OUTPUT_IS_INPUT", { file: path.basename(options.output) });
  }
  await checkOutputs([options.output]);
  const rejected: string[] = [];
  const reject = (error: unknown, file: string) => {
    io.stderr(describeError(error) + "\n");
    rejected.push(file);
  };
  const read: UnitSummary[] = [];
  for (const file of files) {
    try {
      read.push(await readSummaryFile(file));
    } catch (error) {
      reject(error, file);
    }
  }
  const byUnit = new Map<string, UnitSummary>();
  const distinct: UnitSummary[] = [];
  for (const u of read) {
    const other = byUnit.get(u.unit);
    if (other) reject(new XianjiaoError("DUPLICATE_UNIT", { file: u.file, unit: u.unit, other: other.file }), u.file);
    else {
      byUnit.set(u.unit, u);
      distinct.push(u);
    }
  }
  let units = distinct;
  if (units.length > 0 && !options.allowMixedRules) {
    const common = commonFingerprint(units);
    const reference = units.find((u) => u.fingerprint === common)!;
    units = units.filter((u) => {
      if (u.fingerprint === common) return true;
      const vars = { file: u.file, other: reference.file, fingerprint: u.fingerprint || "无", otherFingerprint: common || "无" };
      reject(new XianjiaoError("MIXED_RULES", vars), u.file);
      return false;
    });
  }
  if (units.length === 0) throw new XianjiaoError("NOTHING_TO_CONSOLIDATE", { file: path.basename(options.output) });

  const today = localIsoDate(io.now());
  const unitName = (options.unit ?? "").trim();
  const title = `${SHEET_MARK} · 单位汇总${unitName ? ` · ${unitName}` : ""}（${units.length} 个单位，${today}）`;
  const sheets = [unitsSheet(units, title)];
  if (options.branches !== false) sheets.push(branchesSheet(units, title.replace("单位汇总", "各单位支部")));
  sheets.push(consolidatedAbout(units, unitName, today));
  await writeFileAtomic(options.output, (tmp) => streamSheetPlans(sheets, tmp));

  const lines = [t("cli.consolidate.merged", { count: units.length, file: options.output })];
  if (new Set(units.map((u) => u.fingerprint)).size > 1) lines.push(t("cli.consolidate.mixed"));
  if (rejected.length > 0) lines.push(t("cli.consolidate.skipped", { count: rejected.length }));
  io.stdout(lines.join("\n") + "\n");
  return rejected.length > 0 ? EXIT.partial : EXIT.ok;
}
