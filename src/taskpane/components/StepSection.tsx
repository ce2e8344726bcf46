import type { ReactNode } from "react";
import { Text } from "@fluentui/react-components";
import { useT } from "../context";
import { useStyles } from "../styles";

export type StepId = "recognise" | "evaluate" | "results" | "export" | "settings" | "consolidate";

/** One numbered step of the pane: a section labelled by its heading, with an optional control beside the heading. */
export function StepSection({
  step,
  action,
  children,
}: {
  step: StepId;
  action?: ReactNode;
  children?: ReactNode;
}) {
  const t = useT();
  const styles = useStyles();
  const id = `step-${step}`;
  const heading = (
    <Text as="h2" id={id} weight="semibold" size={400}>
      {t(`ui.step.${step}`)}
    </Text>
  );
  return (
    <section className={styles.section} aria-labelledby={id}>
      {action === undefined ? (
        heading
      ) : (
        <div className={styles.row}>
          {heading}
          {action}
        </div>
      )}
      {children}
    </section>
  );
}
