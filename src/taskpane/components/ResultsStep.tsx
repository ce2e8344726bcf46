import { MessageBar, MessageBarBody, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import { GRADE_HIGHLIGHTS, GRADES, HIGHLIGHT_COLOURS, highlightFor, type BranchSummary, type DataIssue, type Grade, type RunResult } from "../../engine";
import { ruleOffText } from "../../i18n/t";
import { usePane, useT } from "../context";
import { useStyles } from "../styles";
import { GradeChart } from "./GradeChart";
import { IssuesList } from "./IssuesList";
import { StepSection } from "./StepSection";

/** A chart of more bars than this would be a long scroll, not a picture. */
export const CHART_BRANCHES = 20;
/** The pane lists this many branches; a whole city's hundreds are on the summary sheet. */
export const TABLE_BRANCHES = 60;

const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 1000) / 10}%`);
const decimal = (n: number | null) => (n === null ? "—" : String(Math.round(n * 10) / 10));

/** A grade's chip colours: the ones the sheet's 评议等次 column shows for that text. */
export function gradeColours(grade: Grade): { fill: string; font: string } | null {
  const colour = highlightFor(grade, GRADE_HIGHLIGHTS);
  return colour ? HIGHLIGHT_COLOURS[colour] : null;
}

/** `overCap` is what the 优秀超限 cell says: "是" for a branch, how many branches for the total. */
function BranchRow({ branch, label, overCap }: { branch: BranchSummary; label?: string; overCap: string }) {
  const styles = useStyles();
  return (
    <TableRow>
      <TableCell className={styles.stickyCell}>{label ?? branch.branch}</TableCell>
      <TableCell className={styles.numeric}>{branch.members}</TableCell>
      <TableCell className={styles.numeric}>{percent(branch.studyComplianceRate)}</TableCell>
      <TableCell className={styles.numeric}>{decimal(branch.averageSatisfaction)}</TableCell>
      <TableCell>{overCap}</TableCell>
    </TableRow>
  );
}

/** Step 3 before the first run: its heading, and what will appear there. */
export function ResultsPlaceholder() {
  const t = useT();
  const styles = useStyles();
  return (
    <StepSection step="results">
      <Text size={200} className={styles.muted}>
        {t("ui.results.empty")}
      </Text>
    </StepSection>
  );
}

/** Step 3: grade counts, a table and a chart per branch, and the data issues. */
export function ResultsStep({ result, onSelectIssue, selectProblem = null }: { result: RunResult; onSelectIssue(issue: DataIssue): void; selectProblem?: string | null }) {
  const t = useT();
  const { locale } = usePane();
  const styles = useStyles();
  const { total } = result;
  const branchesOver = result.branches.filter((branch) => branch.excellentOverCap).length;
  const gradeLabel = (grade: Grade) => t(`grade.${grade}`);
  return (
    <StepSection step="results">
      <Text weight="semibold">{t("ui.results.grades")}</Text>
      <div className={styles.counts} role="list" aria-label={t("ui.results.grades")}>
        {GRADES.map((grade) => {
          const colours = gradeColours(grade);
          return (
            <div
              key={grade}
              role="listitem"
              className={styles.count}
              data-grade={grade}
              aria-label={t("ui.results.gradeChip", { grade: gradeLabel(grade), count: total.grades[grade] })}
              style={colours ? { backgroundColor: colours.fill, color: colours.font, borderColor: colours.fill } : undefined}
            >
              <Text size={200}>{gradeLabel(grade)}</Text>
              <Text weight="bold" size={400}>
                {total.grades[grade]}
              </Text>
            </div>
          );
        })}
      </div>
      {total.pendingApproval > 0 && <Text>{t("ui.results.pending", { count: total.pendingApproval })}</Text>}
      {result.rulesOff.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <Text weight="semibold">{t("ui.results.rulesOff")}</Text>
            <ul className={styles.rulesOff} aria-label={t("ui.results.rulesOff")}>
              {result.rulesOff.map((off) => (
                <li key={off.rule} data-rule={off.rule}>
                  {ruleOffText(off, locale, "pane")}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <Text weight="semibold">{t("ui.results.branches")}</Text>
      <div className={styles.tableBox} data-testid="branch-table">
      <Table size="extra-small" className={styles.table} aria-label={t("ui.results.branches")}>
        <TableHeader className={styles.stickyHeader}>
          <TableRow>
            <TableHeaderCell className={styles.stickyCell}>{t("ui.results.branch")}</TableHeaderCell>
            <TableHeaderCell>{t("ui.results.members")}</TableHeaderCell>
            <TableHeaderCell>{t("ui.results.studyRate")}</TableHeaderCell>
            <TableHeaderCell>{t("ui.results.avgSatisfaction")}</TableHeaderCell>
            <TableHeaderCell>{t("ui.results.overCap")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {result.branches.slice(0, TABLE_BRANCHES).map((branch) => (
            <BranchRow key={branch.branch} branch={branch} overCap={branch.excellentOverCap ? t("ui.results.yes") : ""} />
          ))}
          <BranchRow branch={total} label={t("ui.results.total")} overCap={branchesOver > 0 ? t("ui.results.branchesOver", { count: branchesOver }) : ""} />
        </TableBody>
      </Table>
      </div>
      {result.branches.length > TABLE_BRANCHES && (
        <Text size={200} className={styles.muted}>
          {t("ui.results.tableMore", { count: result.branches.length - TABLE_BRANCHES })}
        </Text>
      )}
      <Text weight="semibold">{t("ui.results.chart")}</Text>
      <GradeChart
        branches={result.branches.slice(0, CHART_BRANCHES)}
        title={t("ui.results.chart")}
        gradeLabel={gradeLabel}
        totalLabel={(count) => t("ui.results.chartTotal", { count })}
      />
      {result.branches.length > CHART_BRANCHES && (
        <Text size={200} className={styles.muted}>
          {t("ui.results.chartMore", { count: result.branches.length - CHART_BRANCHES })}
        </Text>
      )}
      <Text weight="semibold">{t("ui.results.issues", { count: result.issues.length })}</Text>
      {selectProblem && (
        <MessageBar intent="warning">
          <MessageBarBody>{selectProblem}</MessageBarBody>
        </MessageBar>
      )}
      <IssuesList issues={result.issues} onSelect={onSelectIssue} />
    </StepSection>
  );
}
