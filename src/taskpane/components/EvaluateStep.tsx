import { useEffect, useRef } from "react";
import { Button, Field, MessageBar, MessageBarActions, MessageBarBody, ProgressBar, useAnnounce } from "@fluentui/react-components";
import { useT } from "../context";
import type { EvaluationState } from "../useEvaluation";
import { useStyles } from "../styles";
import { StepSection } from "./StepSection";

interface Props {
  state: EvaluationState;
  disabled?: boolean;
  /** The rule settings form holds changes not saved: 评议 would not use them, so it waits. */
  unsaved?: boolean;
  /** The settings or mappings changed after the run shown. */
  stale?: boolean;
  /** Members in the 需要处理 list of the run shown. */
  todoCount?: number;
  onEvaluate(): void;
  onCancel(): void;
  onShowSettings?(): void;
}

/** How often a running review is announced: at each quarter. */
const ANNOUNCE_STEPS = 4;

/**
 * Step 2: the 评议 button, its progress and cancel; the outcome as a message bar, which takes
 * the focus when a run ends (scrolled to the top, so the results follow right under it). Progress
 * is announced at each quarter; the message bars announce themselves.
 */
export function EvaluateStep({ state, disabled, unsaved = false, stale = false, todoCount = 0, onEvaluate, onCancel, onShowSettings }: Props) {
  const t = useT();
  const styles = useStyles();
  const { announce } = useAnnounce();
  const running = state.phase === "running";
  const outcome = useRef<HTMLDivElement>(null);
  const wasRunning = useRef(false);
  const announced = useRef(-1);

  useEffect(() => {
    if (state.phase === "running") {
      const step = Math.floor(state.progress * ANNOUNCE_STEPS);
      if (!wasRunning.current) {
        announced.current = step;
        announce(t("ui.evaluate.started"), { polite: true, batchId: "evaluate-progress" });
      } else if (step > announced.current && step < ANNOUNCE_STEPS) {
        announced.current = step;
        announce(t("ui.evaluate.running", { percent: Math.round((step / ANNOUNCE_STEPS) * 100) }), { polite: true, batchId: "evaluate-progress" });
      }
      wasRunning.current = true;
      return;
    }
    if (!wasRunning.current) return;
    wasRunning.current = false;
    const target = outcome.current;
    if (!target) return;
    target.focus({ preventScroll: true });
    target.scrollIntoView?.({ block: "start" });
  }, [state, announce, t]);

  return (
    <StepSection step="evaluate">
      <div className={styles.row}>
        <Button appearance="primary" disabled={disabled || running} disabledFocusable={!disabled && !running && unsaved} aria-describedby={unsaved ? "evaluate-unsaved" : undefined} onClick={onEvaluate}>
          {t("ui.evaluate.button")}
        </Button>
        {running && <Button onClick={onCancel}>{t("ui.evaluate.cancel")}</Button>}
      </div>
      {unsaved && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody id="evaluate-unsaved">{t("ui.evaluate.unsaved")}</MessageBarBody>
          {onShowSettings && (
            <MessageBarActions>
              <Button size="small" onClick={onShowSettings}>
                {t("ui.evaluate.toSettings")}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
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
        <MessageBar intent="info" ref={outcome} tabIndex={-1} className={styles.outcome}>
          <MessageBarBody>{t("ui.evaluate.cancelled")}</MessageBarBody>
        </MessageBar>
      )}
      {state.phase === "error" && (
        <MessageBar intent="error" ref={outcome} tabIndex={-1} className={styles.outcome}>
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}
      {state.phase === "done" && stale && (
        <MessageBar intent="warning" ref={outcome} tabIndex={-1} className={styles.outcome} data-testid="outcome">
          <MessageBarBody>{t("ui.stale.evaluate")}</MessageBarBody>
        </MessageBar>
      )}
      {state.phase === "done" && !stale && (
        <MessageBar intent="success" ref={outcome} tabIndex={-1} className={styles.outcome} data-testid="outcome">
          <MessageBarBody>
            {t("ui.evaluate.done", { members: state.result.members.length, cells: state.report.cellsWritten })}
            {todoCount > 0 ? t("ui.evaluate.doneTodo", { count: todoCount }) : ""}
          </MessageBarBody>
        </MessageBar>
      )}
    </StepSection>
  );
}
