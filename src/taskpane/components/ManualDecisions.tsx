import { Button, Text } from "@fluentui/react-components";
import { memberRef, type RunResult } from "../../engine";
import { useT } from "../context";
import { useStyles } from "../styles";

/** The pane lists this many decisions; the rest are marked in the sheet's 问题说明. */
const LISTED = 50;

/**
 * The secretary's own decisions the run kept (人工认定): who, what was typed, what the tool had
 * computed; 恢复自动评议 per member or for all runs the review again without them.
 */
export function ManualDecisions({ result, busy, onReset }: { result: RunResult; busy: boolean; onReset(refs: true | string[]): void }) {
  const t = useT();
  const styles = useStyles();
  const manual = result.members.filter((m) => m.manual);
  return (
    <section className={styles.section} aria-labelledby="manual-decisions">
      <div className={styles.row}>
        <Text as="h4" id="manual-decisions" weight="semibold" size={300}>
          {t("ui.manual.title", { count: manual.length })}
        </Text>
        <Button size="small" disabled={busy} onClick={() => onReset(true)}>
          {t("ui.manual.resetAll")}
        </Button>
      </div>
      <Text size={200} className={styles.muted}>
        {t("ui.manual.explain")}
      </Text>
      <ul className={styles.tables}>
        {manual.slice(0, LISTED).map((m) => {
          const ref = memberRef(m);
          const typed = m.manual?.grade ? t("ui.manual.grade", { text: m.manual.grade.text, computed: m.manual.grade.computed }) : "";
          const outcome = m.manual?.outcome ? t("ui.manual.outcome", { text: m.manual.outcome.text }) : "";
          return (
            <li key={ref} className={styles.row} data-member={m.member.name}>
              <Text>
                {m.member.name}
                {m.member.branch ? `（${m.member.branch}）` : ""}：{[typed, outcome].filter((s) => s !== "").join("；")}
              </Text>
              <Button size="small" appearance="subtle" disabled={busy} onClick={() => onReset([ref])} aria-label={t("ui.manual.resetOne", { name: m.member.name })}>
                {t("ui.manual.reset")}
              </Button>
            </li>
          );
        })}
      </ul>
      {manual.length > LISTED && (
        <Text size={200} className={styles.muted}>
          {t("ui.manual.more", { count: manual.length - LISTED })}
        </Text>
      )}
    </section>
  );
}
