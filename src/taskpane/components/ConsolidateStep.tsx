import { useRef, useState } from "react";
import { Button, MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import type { Rejection } from "../../engine";
import { XianjiaoError } from "../../errors";
import { issueMessage } from "../../i18n/t";
import { usePane, useT } from "../context";
import { describeFor } from "../errorText";
import { consolidateInPane, type ReceivedFile } from "../consolidate/consolidateInPane";
import { useStyles } from "../styles";
import { StepSection } from "./StepSection";

type ConsolidateState =
  | { phase: "idle" }
  | { phase: "working" }
  | { phase: "done"; message: string; kept: string[]; rejected: Rejection[] }
  | { phase: "error"; message: string; rejected: Rejection[] };

const XLSX_ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * 汇总上报, for the level above: the summary workbooks units sent, chosen several at once and read
 * in the browser (nothing is uploaded), checked as `consolidate` checks them, and written into
 * the open workbook as our sheets (per unit with a chart, per unit × branch, 说明). 合并 again
 * with other files replaces the earlier consolidation, never an evaluation's sheets.
 */
export function ConsolidateStep({ unitName, today }: { unitName: string; today: () => string }) {
  const t = useT();
  const { host, locale } = usePane();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<ReceivedFile[]>([]);
  const [state, setState] = useState<ConsolidateState>({ phase: "idle" });

  async function choose(list: FileList | null) {
    const chosen = Array.from(list ?? []);
    setState({ phase: "idle" });
    setFiles(await Promise.all(chosen.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }))));
  }

  async function run() {
    setState({ phase: "working" });
    try {
      const done = await consolidateInPane(host, files, { unitName, today: today() });
      const message = t("ui.consolidate.done", { count: done.units.length, units: done.units.map((u) => u.unit).join("、"), sheets: done.report.sheets.join("、") });
      setState({ phase: "done", message, kept: done.issues.map((issue) => issueMessage(issue, locale)), rejected: done.rejected });
    } catch (error) {
      const rejected = error instanceof XianjiaoError && Array.isArray(error.cause) ? (error.cause as Rejection[]) : [];
      setState({ phase: "error", message: describeFor(error, locale, t("ui.consolidate.retry")), rejected });
    }
  }

  const rejected = state.phase === "done" || state.phase === "error" ? state.rejected : [];
  return (
    <StepSection step="consolidate">
      <Text size={200} className={styles.muted}>
        {t("ui.consolidate.hint")}
      </Text>
      <input
        ref={input}
        type="file"
        multiple
        accept={XLSX_ACCEPT}
        hidden
        aria-label={t("ui.consolidate.choose")}
        data-testid="consolidate-files"
        onChange={(event) => void choose(event.currentTarget.files)}
      />
      <div className={styles.row}>
        <Button disabled={state.phase === "working"} onClick={() => input.current?.click()}>
          {t("ui.consolidate.choose")}
        </Button>
        <Button appearance="primary" disabled={files.length === 0 || state.phase === "working"} onClick={() => void run()}>
          {t("ui.consolidate.button")}
        </Button>
        {state.phase === "working" && <Spinner size="tiny" label={t("ui.consolidate.working")} />}
      </div>
      {files.length > 0 && (
        <Text size={200} data-testid="consolidate-chosen">
          {t("ui.consolidate.chosen", { count: files.length, files: files.map((f) => f.name).join("、") })}
        </Text>
      )}
      {state.phase === "done" && (
        <MessageBar intent={rejected.length > 0 || state.kept.length > 0 ? "warning" : "success"}>
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}
      {state.phase === "error" && (
        <MessageBar intent="error">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}
      {(rejected.length > 0 || (state.phase === "done" && state.kept.length > 0)) && (
        <ul className={styles.rulesOff} aria-label={t("ui.consolidate.problems")}>
          {rejected.map((r) => (
            <li key={`r-${r.file}`}>{describeFor(r.error, locale, t("ui.consolidate.retry"))}</li>
          ))}
          {state.phase === "done" && state.kept.map((text) => <li key={`k-${text}`}>{text}</li>)}
        </ul>
      )}
    </StepSection>
  );
}
