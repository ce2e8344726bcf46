import { useCallback, useEffect, useRef, useState } from "react";
import { evaluateWorkbook, type ColumnOverrides, type RuleSet, type RunResult } from "../engine";
import type { ApplyReport, WorkbookHost } from "../hosts/host";
import { describeError } from "../errors";
import { t, type Locale } from "../i18n/t";
import { sheetList, userSheetNames } from "./sheetNames";

export type EvaluationState =
  | { phase: "idle" }
  | { phase: "running"; progress: number; waiting?: boolean }
  | { phase: "done"; result: RunResult; report: ApplyReport }
  | { phase: "cancelled" }
  | { phase: "error"; message: string };

export interface EvaluateRequest {
  rules: RuleSet;
  today: string;
  overrides?: ColumnOverrides;
  /** 恢复自动评议: everyone's decisions (true), or these members' (their refs). */
  resetManual?: true | readonly string[];
}

/** Shares of the progress bar: reading, computing, then writing the plan. */
const READ_DONE = 0.15;
const EVALUATE_DONE = 0.25;
/**
 * Excel holds a run while a cell is being edited (delayForCellEdit) and says nothing: after this
 * long without an answer the pane says how to end the edit.
 */
export const WAIT_HINT_MS = 3000;

/** Sheets whose result columns a failed write had already changed (the Office host reports them with its error). */
function partlyWritten(error: unknown): string[] {
  const written = typeof error === "object" && error !== null ? (error as { written?: Partial<ApplyReport> }).written : undefined;
  return Array.isArray(written?.resultSheets) ? written.resultSheets : [];
}

function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof Error && error.name === "AbortError");
}

/** Lets the browser paint the progress bar before the synchronous engine runs. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Read → evaluate → apply, with progress 0..1 and cancel. One AbortController per run lives in
 * a ref; cancelling is not an error; any failure becomes the sentence describeError gives.
 */
export function useEvaluation(host: WorkbookHost, locale: Locale) {
  const [state, setState] = useState<EvaluationState>({ phase: "idle" });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const evaluate = useCallback(
    async (request: EvaluateRequest): Promise<RunResult | null> => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      const { signal } = abort;
      let hint: ReturnType<typeof setTimeout> | undefined;
      const progress = (value: number) => {
        if (signal.aborted) return;
        setState({ phase: "running", progress: Math.min(1, Math.max(0, value)) });
        clearTimeout(hint);
        hint = setTimeout(() => {
          if (!signal.aborted) setState((s) => (s.phase === "running" ? { ...s, waiting: true } : s));
        }, WAIT_HINT_MS);
      };
      progress(0);
      try {
        const input = await host.readWorkbook({ signal, onProgress: (f) => progress(READ_DONE * f) });
        signal.throwIfAborted();
        progress(READ_DONE);
        await nextFrame();
        signal.throwIfAborted();
        const result = evaluateWorkbook(input, { rules: request.rules, today: request.today, overrides: request.overrides, resetManual: request.resetManual });
        if (!result.hasMemberTable) {
          // as the command line: no member list, nothing written (not even empty summary sheets)
          const others = result.issues.filter((issue) => issue.code === "NOT_MEMBER_TABLE").map((issue) => issue.sheet);
          const message =
            others.length > 0
              ? t("ui.evaluate.noMembersNotMembers", { sheets: sheetList(others, locale) }, locale)
              : t("ui.evaluate.noMembers", { sheets: sheetList(userSheetNames(input), locale) }, locale);
          setState({ phase: "error", message });
          return null;
        }
        progress(EVALUATE_DONE);
        const report = await host.applyPlan(result.plan, {
          signal,
          onProgress: (f) => progress(EVALUATE_DONE + (1 - EVALUATE_DONE) * f),
        });
        signal.throwIfAborted();
        setState({ phase: "done", result, report });
        return result;
      } catch (error) {
        if (isAbort(error, signal)) {
          if (controller.current === abort) setState({ phase: "cancelled" });
          return null;
        }
        const sheets = partlyWritten(error);
        const message = describeError(error, locale);
        setState({ phase: "error", message: sheets.length ? `${message}${t("ui.evaluate.partial", { sheets: sheetList(sheets, locale) }, locale)}` : message });
        return null;
      } finally {
        clearTimeout(hint);
        if (controller.current === abort) controller.current = null;
      }
    },
    [host, locale],
  );

  const cancel = useCallback(() => {
    const running = controller.current;
    if (!running) return;
    running.abort();
    setState({ phase: "cancelled" });
  }, []);

  return { state, evaluate, cancel };
}
