import * as path from "node:path";
import { buildConsolidationSheets, checkSummaries, type ReadOutcome } from "../engine";
import { XianjiaoError, describeError } from "../errors";
import { streamSheetPlans } from "../hosts/xlsx/stream-plans";
import { checkOutputs, writeFileAtomic } from "../hosts/xlsx/write-atomic";
import { t } from "../i18n/t";
import { EXIT, type CliIO } from "./io";
import { localIsoDate, sameFile } from "./options";
import { readSummaryFile } from "./summary-file";

export interface ConsolidateOptions {
  output: string;
  allowMixedRules?: boolean;
  branches?: boolean;
  unit?: string;
}

/**
 * consolidate S1 S2 … -o ALL: one row per unit and a 合计 row. A file that is not a summary,
 * a unit sent twice, or (without --allow-mixed-rules) a summary made under other rules is
 * named on stderr and left out (engine/consolidate/check.ts, as the pane does); the rest is
 * merged (exit 1 then, 0 when all went in).
 */
export async function runConsolidate(files: string[], options: ConsolidateOptions, io: CliIO): Promise<number> {
  for (const file of files) {
    if (await sameFile(file, options.output)) throw new XianjiaoError("OUTPUT_IS_INPUT", { file: path.basename(options.output) });
  }
  await checkOutputs([options.output]);
  const read: ReadOutcome[] = [];
  for (const file of files) {
    try {
      read.push({ file: path.basename(file), summary: await readSummaryFile(file) });
    } catch (error) {
      read.push({ file: path.basename(file), error });
    }
  }
  const { units, rejected } = checkSummaries(read, { allowMixedRules: options.allowMixedRules });
  for (const r of rejected) io.stderr(describeError(r.error) + "\n");
  if (units.length === 0) throw new XianjiaoError("NOTHING_TO_CONSOLIDATE", { file: path.basename(options.output) });

  const today = localIsoDate(io.now());
  const sheets = buildConsolidationSheets({ units, rejected, unitName: (options.unit ?? "").trim(), today, branches: options.branches });
  await writeFileAtomic(options.output, (tmp) => streamSheetPlans(sheets, tmp));

  const lines = [t("cli.consolidate.merged", { count: units.length, file: options.output })];
  if (new Set(units.map((u) => u.fingerprint)).size > 1) lines.push(t("cli.consolidate.mixed"));
  if (rejected.length > 0) lines.push(t("cli.consolidate.skipped", { count: rejected.length }));
  io.stdout(lines.join("\n") + "\n");
  return rejected.length > 0 ? EXIT.partial : EXIT.ok;
}
