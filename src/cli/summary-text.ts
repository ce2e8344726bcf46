import { SHEET_NAMES, type RunResult } from "../engine";
import { ruleOffText, t } from "../i18n/t";

function blankEntries(result: RunResult): number {
  let n = 0;
  for (const issue of result.issues) if (issue.code === "NOT_ENTERED" || issue.code === "NOT_ENTERED_NO_ROW") n++;
  return n;
}

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
      publicity: total.pendingPublicity,
    }),
    t("cli.summary.study", {
      compliant: total.studyCompliant,
      entered: total.studyEntered,
      members: total.members,
      below: total.satisfactionBelow,
      satisfactionEntered: total.satisfactionEntered,
      noApplication: total.noApplication,
      applicationEntered: total.applicationEntered,
    }),
    result.issues.length > 0
      ? t("cli.summary.issues", { count: result.issues.length, blank: blankEntries(result), sheet: SHEET_NAMES.issues })
      : t("cli.summary.noIssues"),
  ];
  if (result.manualCount > 0) lines.push(t("cli.summary.manual", { count: result.manualCount }));
  if (result.rulesOff.length > 0) {
    lines.push(t("cli.summary.rulesOffTitle"));
    for (const off of result.rulesOff) lines.push(t("cli.summary.ruleOff", { text: ruleOffText(off) }));
  }
  return lines;
}
