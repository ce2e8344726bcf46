import { Text } from "@fluentui/react-components";
import type { DataIssue } from "../../engine";
import { issueMessage } from "../../i18n/t";
import { useT, usePane } from "../context";
import { useStyles } from "../styles";

/** Long lists are cut: the full list is on the 评议-数据问题 sheet. */
const SHOWN = 200;

/** The data issues; clicking one selects its cell in the workbook. */
export function IssuesList({ issues, onSelect }: { issues: DataIssue[]; onSelect(issue: DataIssue): void }) {
  const t = useT();
  const { locale } = usePane();
  const styles = useStyles();
  if (issues.length === 0) return <Text>{t("ui.results.noIssues")}</Text>;
  return (
    <div>
      <Text size={200} className={styles.muted}>
        {t("ui.results.issueHint")}
      </Text>
      <ul className={styles.issues} aria-label={t("ui.results.issues", { count: issues.length })}>
        {issues.slice(0, SHOWN).map((issue, i) => (
          <li key={i}>
            <button type="button" className={styles.issue} disabled={!issue.cell} onClick={() => onSelect(issue)}>
              <span className={styles.issueCell}>{issue.cell ? t("ui.results.issueAt", { sheet: issue.sheet, cell: issue.cell }) : issue.sheet || "—"}</span>{" "}
              <Text size={200}>{issueMessage(issue, locale)}</Text>
            </button>
          </li>
        ))}
      </ul>
      {issues.length > SHOWN && <Text className={styles.muted}>{t("ui.results.more", { count: issues.length - SHOWN })}</Text>}
    </div>
  );
}
