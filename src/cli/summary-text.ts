import { SHEET_NAMES, type RunResult } from "../engine";
import { ruleOffText, t } from "../i18n/t";

/** The short Chinese summary printed after an evaluation. */
export function summaryLines(result: RunResult, outFile: string): string[] {
  const total = result.total;
  const lines = [
    t("cli.summary.done", { unit: result.unitName || "—", today: result.today, file: outFile }),
    t("cli.summary.members", {
      members: total.members,
      formal: total.formal,
      probationary: total.probationary,
      branches: result.branches.length,
    }),
    t("cli.summary.grades", {
      excellent: total.grades["优秀"],
      qualified: total.grades["合格"],
      basic: total.grades["基本合格"],
      unqualified: total.grades["不合格"],
      undecided: total.grades["待定"],
      notGraded: total.grades["不评定"],
      pending: total.pendingApproval,
    }),
    t("cli.summary.study", {
      compliant: total.studyCompliant,
      entered: total.studyEntered,
      below: total.satisfactionBelow,
      noApplication: total.noApplication,
    }),
    result.issues.length > 0
      ? t("cli.summary.issues", { count: result.issues.length, sheet: SHEET_NAMES.issues })
      : t("cli.summary.noIssues"),
  ];
  if (result.rulesOff.length > 0) {
    lines.push(t("cli.summary.rulesOffTitle"));
    for (const off of result.rulesOff) lines.push(t("cli.summary.ruleOff", { text: ruleOffText(off) }));
  }
  return lines;
}
