import { Button, Field, MessageBar, MessageBarBody, ProgressBar } from "@fluentui/react-components";
import { useT } from "../context";
import type { EvaluationState } from "../useEvaluation";
import { useStyles } from "../styles";
import { StepSection } from "./StepSection";

interface Props {
  state: EvaluationState;
  disabled?: boolean;
  onEvaluate(): void;
  onCancel(): void;
}

/** Step 2: the 评议 button, its progress and cancel; the outcome as a message bar. */
export function EvaluateStep({ state, disabled, onEvaluate, onCancel }: Props) {
  const t = useT();
  const styles = useStyles();
  const running = state.phase === "running";
  return (
    <StepSection step="evaluate">
      <div className={styles.row}>
        <Button appearance="primary" disabled={disabled || running} onClick={onEvaluate}>
          {t("ui.evaluate.button")}
        </Button>
        {running && <Button onClick={onCancel}>{t("ui.evaluate.cancel")}</Button>}
      </div>
      {running && (
        <Field validationMessage={t("ui.evaluate.running", { percent: Math.round(state.progress * 100) })} validationState="none">
          <ProgressBar value={state.progress} max={1} aria-label={t("ui.evaluate.button")} />
        </Field>
      )}
      {running && state.waiting && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("ui.evaluate.waiting")}</MessageBarBody>
        </MessageBar>
      )}
      {state.phase === "cancelled" && (
        <MessageBar intent="info">
          <MessageBarBody>{t("ui.evaluate.cancelled")}</MessageBarBody>
        </MessageBar>
      )}
      {state.phase === "error" && (
        <MessageBar intent="error">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}
      {state.phase === "done" && (
        <MessageBar intent="success">
          <MessageBarBody>{t("ui.evaluate.done", { members: state.result.members.length, cells: state.report.cellsWritten })}</MessageBarBody>
        </MessageBar>
      )}
    </StepSection>
  );
}
