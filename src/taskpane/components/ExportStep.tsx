import { useState } from "react";
import { Button, MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import type { RunResult } from "../../engine";
import { describeError } from "../../errors";
import { usePane, useT } from "../context";
import { describeFor } from "../errorText";
import { offerDownload, summaryBytes, summaryFileName, toBase64 } from "../export/exportSummary";
import { useStyles } from "../styles";
import { StepSection } from "./StepSection";

type ExportState = { phase: "idle" } | { phase: "working" } | { phase: "done"; message: string; warning?: boolean } | { phase: "error"; message: string };

/**
 * Step 4: the summary workbook, built in the browser, downloaded and (where possible) opened in
 * Excel. Where a download does nothing (Excel on Mac) it is only opened, and the user is told to
 * save it; no download is ever claimed that did not happen.
 */
export function ExportStep({ result, stale = false }: { result: RunResult | null; stale?: boolean }) {
  const t = useT();
  const { host, locale } = usePane();
  const styles = useStyles();
  const [state, setState] = useState<ExportState>({ phase: "idle" });

  async function run() {
    if (!result) return;
    const downloads = host.canDownload !== false;
    if (!downloads && !host.openWorkbook) {
      setState({ phase: "error", message: t("ui.export.cannotExport") });
      return;
    }
    setState({ phase: "working" });
    try {
      const bytes = await summaryBytes(result.plan);
      const file = summaryFileName(result.unitName, result.today);
      if (downloads) offerDownload(bytes, file);
      let failure: string | undefined;
      if (host.openWorkbook) {
        try {
          await host.openWorkbook(toBase64(bytes));
        } catch (error) {
          failure = describeFor(error, locale, t("ui.export.retry"));
        }
      }
      if (downloads) setState(failure ? { phase: "done", message: t("ui.export.openFailed", { detail: failure }), warning: true } : { phase: "done", message: t("ui.export.done", { file }) });
      else setState(failure ? { phase: "error", message: t("ui.export.notOpened", { detail: failure }) } : { phase: "done", message: t("ui.export.opened", { file }) });
    } catch (error) {
      setState({ phase: "error", message: describeError(error, locale) });
    }
  }

  return (
    <StepSection step="export">
      <Text size={200} className={styles.muted}>
        {result ? t("ui.export.hint") : t("ui.export.needResults")}
      </Text>
      {result && result.unitName === "" && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("ui.export.noUnit")}</MessageBarBody>
        </MessageBar>
      )}
      {result && stale && (
        <MessageBar intent="warning" data-testid="export-stale">
          <MessageBarBody>{t("ui.export.stale")}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button disabled={!result || state.phase === "working"} onClick={() => void run()}>
          {t(result && stale ? "ui.export.anyway" : "ui.export.button")}
        </Button>
        {state.phase === "working" && <Spinner size="tiny" label={t("ui.export.working")} />}
      </div>
      {state.phase === "done" && (
        <MessageBar intent={state.warning ? "warning" : "success"}>
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}
      {state.phase === "error" && (
        <MessageBar intent="error">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}
    </StepSection>
  );
}
