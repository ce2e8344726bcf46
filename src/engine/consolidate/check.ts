import { XianjiaoError } from "../../errors";
import type { UnitSummary } from "./summary";

/** A received file as read: its summary, or why it is not one (NOT_A_SUMMARY, a damaged file…). */
export type ReadOutcome = { file: string; summary: UnitSummary } | { file: string; error: unknown };

/** A file left out of the consolidation, and why (a typed error, turned into a sentence by the caller). */
export interface Rejection {
  file: string;
  error: unknown;
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
 * Which received summaries go into a consolidation, the same for the command line and the
 * pane: a file that is not a summary, a unit sent twice (the second file), and (unless mixed
 * rules are allowed) a summary made under rules other than most files' are each named and left
 * out; the rest are merged, in the order given. Rejections come in that order: unreadable files
 * as given, then repeated units, then other rules.
 */
export function checkSummaries(read: readonly ReadOutcome[], options: { allowMixedRules?: boolean; inPane?: boolean } = {}): { units: UnitSummary[]; rejected: Rejection[] } {
  const rejected: Rejection[] = [];
  const summaries: UnitSummary[] = [];
  for (const outcome of read) {
    if ("summary" in outcome) summaries.push(outcome.summary);
    else rejected.push({ file: outcome.file, error: outcome.error });
  }
  const byUnit = new Map<string, UnitSummary>();
  let units: UnitSummary[] = [];
  for (const u of summaries) {
    const other = byUnit.get(u.unit);
    if (other) rejected.push({ file: u.file, error: new XianjiaoError("DUPLICATE_UNIT", { file: u.file, unit: u.unit, other: other.file }) });
    else {
      byUnit.set(u.unit, u);
      units.push(u);
    }
  }
  if (units.length > 0 && !options.allowMixedRules) {
    const common = commonFingerprint(units);
    const reference = units.find((u) => u.fingerprint === common)!;
    units = units.filter((u) => {
      if (u.fingerprint === common) return true;
      const vars = { file: u.file, other: reference.file, fingerprint: u.fingerprint || "无", otherFingerprint: common || "无" };
      // the command line can be told to merge anyway (--allow-mixed-rules); the pane says what the unit should do
      rejected.push({ file: u.file, error: new XianjiaoError(options.inPane ? "MIXED_RULES_PANE" : "MIXED_RULES", vars) });
      return false;
    });
  }
  return { units, rejected };
}
