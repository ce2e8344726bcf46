import { Button, MessageBar, MessageBarActions, MessageBarBody, Text } from "@fluentui/react-components";
import { CHART_CATEGORIES, GRADE_HIGHLIGHTS, GRADES, HIGHLIGHT_COLOURS, highlightFor, type BranchSummary, type DataIssue, type Grade, type MemberResult, type RuleSet, type RunResult, type TodoList as Todo } from "../../engine";
import { issueMessage, ruleOffText } from "../../i18n/t";
import { usePane, useT, type Translate } from "../context";
import { branchesOverCap, sheetNotices } from "../notices";
import { useStyles } from "../styles";
import { BranchTable, TABLE_BRANCHES } from "./BranchTable";
import { GradeChart } from "./GradeChart";
import { IssuesList } from "./IssuesList";
import { StepSection } from "./StepSection";
import { TodoList } from "./TodoList";

export { TABLE_BRANCHES };

/** The pane draws as many branches as the chart on 评议-支部汇总. */
export const CHART_BRANCHES = CHART_CATEGORIES;
/** The 优秀超限 warning names this many branches, then says how many more. */
const OVER_CAP_NAMED = 5;

/** A grade's chip colours: the ones the sheet's 评议等次 column shows for that text. */
export function gradeColours(grade: Grade): { fill: string; font: string } | null {
  const colour = highlightFor(grade, GRADE_HIGHLIGHTS);
  return colour ? HIGHLIGHT_COLOURS[colour] : null;
}

/** The chart's text alternative: each branch's counts per grade, one sentence per branch. */
export function chartDescription(branches: readonly BranchSummary[], t: Translate, separator: string): string {
  return branches
    .map((branch) => {
      const grades = GRADES.filter((grade) => branch.grades[grade] > 0)
        .map((grade) => t("ui.results.detailGrade", { grade: t(`grade.${grade}`), count: branch.grades[grade] }))
        .join(separator);
      return t("ui.results.chartBranch", { branch: branch.branch, grades: grades || "—", total: branch.members });
    })
    .join("\n");
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

/** Where a click failed to select a cell: beside the list it came from. */
export interface SelectProblem {
  from: "todo" | "issues";
  message: string;
}

interface Props {
  result: RunResult;
  todo: Todo;
  /** The rules the run used (the settings may have changed since). */
  rules: RuleSet;
  /** The settings or mappings changed after this run. */
  stale?: boolean;
  busy?: boolean;
  onEvaluateAgain?(): void;
  onSelectIssue(issue: DataIssue): void;
  onSelectMember?(member: MemberResult): void;
  onResetManual?(refs: true | string[]): void;
  selectProblem?: SelectProblem | null;
}

/** What stands above the results: they are stale, a sheet beside them is out of date, a branch is over its 优秀 cap. */
function Notices({ result, stale, busy, onEvaluateAgain }: Pick<Props, "result" | "stale" | "busy" | "onEvaluateAgain">) {
  const t = useT();
  const { locale } = usePane();
  const styles = useStyles();
  const notices = sheetNotices(result.issues);
  const over = branchesOverCap(result.branches);
  const overText = [
    ...over.slice(0, OVER_CAP_NAMED).map((branch) => t("ui.results.overCapBranch", { branch: branch.branch, count: branch.grades.优秀, cap: branch.excellentCap })),
    ...(over.length > OVER_CAP_NAMED ? [t("ui.results.overCapMore", { count: over.length - OVER_CAP_NAMED })] : []),
  ].join(locale === "en" ? "; " : "、");
  return (
    <>
      {stale && (
        <MessageBar intent="warning" layout="multiline" data-testid="stale">
          <MessageBarBody>{t("ui.stale.results")}</MessageBarBody>
          {onEvaluateAgain && (
            <MessageBarActions>
              <Button size="small" disabled={busy} onClick={onEvaluateAgain}>
                {t("ui.stale.again")}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {notices.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="sheet-notices">
          <MessageBarBody>
            <Text weight="semibold">{t("ui.notices.sheets")}</Text>
            <ul className={styles.notices}>
              {notices.map((issue, i) => (
                <li key={i} data-code={issue.code}>
                  {issueMessage(issue, locale)}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {over.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="over-cap-warning">
          <MessageBarBody>
            <Text weight="semibold">{t("ui.results.overCapTitle")}</Text> {overText}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

function Problem({ problem }: { problem: string }) {
  return (
    <MessageBar intent="warning">
      <MessageBarBody>{problem}</MessageBarBody>
    </MessageBar>
  );
}

/**
 * Step 3: what needs saying first (stale results, sheets out of date, 优秀超限), the 需要处理
 * list, then grade counts, the branches, a chart per branch and the data issues.
 */
export function ResultsStep(props: Props) {
  const { result, todo, rules, selectProblem = null, onSelectIssue } = props;
  const t = useT();
  const { locale } = usePane();
  const styles = useStyles();
  const { total } = result;
  const gradeLabel = (grade: Grade) => t(`grade.${grade}`);
  const charted = result.branches.slice(0, CHART_BRANCHES);
  return (
    <StepSection step="results">
      <Notices result={result} stale={props.stale} busy={props.busy} onEvaluateAgain={props.onEvaluateAgain} />
      {selectProblem?.from === "todo" && <Problem problem={selectProblem.message} />}
      <TodoList todo={todo} result={result} busy={props.busy ?? false} onSelect={props.onSelectMember ?? (() => undefined)} onResetManual={props.onResetManual ?? (() => undefined)} />
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
      {(total.pendingApproval > 0 || total.pendingPublicity > 0) && <Text>{t("ui.results.pending", { approval: total.pendingApproval, publicity: total.pendingPublicity })}</Text>}
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
      <BranchTable branches={result.branches} total={total} rules={rules} />
      {result.branches.length > TABLE_BRANCHES && (
        <Text size={200} className={styles.muted}>
          {t("ui.results.tableMore", { count: result.branches.length - TABLE_BRANCHES })}
        </Text>
      )}
      <Text weight="semibold">{t("ui.results.chart")}</Text>
      <GradeChart
        branches={charted}
        title={t("ui.results.chart")}
        description={chartDescription(charted, t, locale === "en" ? ", " : "，")}
        gradeLabel={gradeLabel}
        totalLabel={(count) => t("ui.results.chartTotal", { count })}
      />
      {result.branches.length > CHART_BRANCHES && (
        <Text size={200} className={styles.muted}>
          {t("ui.results.chartMore", { count: result.branches.length - CHART_BRANCHES })}
        </Text>
      )}
      <Text weight="semibold">{t("ui.results.issues", { count: result.issues.length })}</Text>
      {selectProblem?.from === "issues" && <Problem problem={selectProblem.message} />}
      <IssuesList issues={result.issues} onSelect={onSelectIssue} />
    </StepSection>
  );
}
