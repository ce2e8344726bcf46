import { useState } from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import type { RunResult } from "../../engine";
import { describeError } from "../../errors";
import { usePane, useT } from "../context";
import { describeFor } from "../errorText";
import { mailFileName, summaryDraft } from "../export/exportMail";
import { offerDownload, summaryBytes, summaryFileName, toBase64 } from "../export/exportSummary";
import { useStyles } from "../styles";
import { StepSection } from "./StepSection";

type ExportState = { phase: "idle" } | { phase: "working" } | { phase: "done"; message: string; warning?: boolean } | { phase: "error"; message: string };

/** The summary as last exported: what 生成邮件 attaches. */
interface Exported {
  result: RunResult;
  unitName: string;
  name: string;
  bytes: Uint8Array;
}

export interface ExportStepProps {
  result: RunResult | null;
  /** Settings changed since the run: the export warns and says it uses the last results. */
  stale?: boolean;
  /** 上报邮箱 of the rule settings: the e-mail draft's recipient, when set. */
  reportEmail?: string | null;
  /** Keeps a unit name typed here in the rule settings, so the next evaluation has it too. */
  onUnitName?: (name: string) => Promise<void>;
}

/**
 * Step 4: the summary workbook, built in the browser, downloaded and (where possible) opened in
 * Excel, and beside it 生成邮件: an e-mail draft with the summary attached. A unit name the
 * evaluation did not have is asked for here. Where a download does nothing (Excel on Mac) the
 * workbook is only opened and the user told to save it; no download is ever claimed that did not
 * happen, and no e-mail is offered.
 */
export function ExportStep({ result, stale = false, reportEmail = null, onUnitName }: ExportStepProps) {
  const t = useT();
  const { host, locale } = usePane();
  const styles = useStyles();
  const [state, setState] = useState<ExportState>({ phase: "idle" });
  const [typedUnit, setTypedUnit] = useState("");
  const [exported, setExported] = useState<Exported | null>(null);
  const [mail, setMail] = useState<{ message: string } | null>(null);
  const downloads = host.canDownload !== false;
  const needsUnit = result !== null && result.unitName === "";
  const unitName = result ? result.unitName || typedUnit.trim() : "";

  async function run() {
    if (!result || unitName === "") return;
    if (!downloads && !host.openWorkbook) {
      setState({ phase: "error", message: t("ui.export.cannotExport") });
      return;
    }
    setState({ phase: "working" });
    setMail(null);
    try {
      const bytes = await summaryBytes(result.plan, needsUnit ? unitName : "");
      const file = summaryFileName(unitName, result.today);
      if (downloads) offerDownload(bytes, file);
      let failure: string | undefined;
      if (host.openWorkbook) {
        try {
          await host.openWorkbook(toBase64(bytes));
        } catch (error) {
          failure = describeFor(error, locale, t("ui.export.retry"));
        }
      }
      if (needsUnit && onUnitName) await onUnitName(unitName).catch(() => undefined);
      setExported(downloads ? { result, unitName, name: file, bytes } : null);
      if (downloads) setState(failure ? { phase: "done", message: t("ui.export.openFailed", { detail: failure }), warning: true } : { phase: "done", message: t("ui.export.done", { file }) });
      else setState(failure ? { phase: "error", message: t("ui.export.notOpened", { detail: failure }) } : { phase: "done", message: t("ui.export.opened", { file }) });
    } catch (error) {
      setState({ phase: "error", message: describeError(error, locale) });
    }
  }

  function draft() {
    if (!exported) return;
    const to = reportEmail?.trim() || null;
    const file = mailFileName(exported.unitName, exported.result.today);
    offerDownload(summaryDraft(exported.result, { unitName: exported.unitName, to, summary: { name: exported.name, bytes: exported.bytes } }), file, "message/rfc822");
    setMail({ message: to ? t("ui.export.mailDone", { file, to }) : t("ui.export.mailNoRecipient", { file }) });
  }

  const current = exported !== null && exported.result === result;
  return (
    <StepSection step="export">
      <Text size={200} className={styles.muted}>
        {result ? t("ui.export.hint") : t("ui.export.needResults")}
      </Text>
      {needsUnit && (
        <Field label={t("ui.export.unitLabel")} hint={t("ui.export.unitHint")} required>
          <Input value={typedUnit} onChange={(_, data) => setTypedUnit(data.value)} />
        </Field>
      )}
      {result && stale && (
        <MessageBar intent="warning" data-testid="export-stale">
          <MessageBarBody>{t("ui.export.stale")}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button disabled={!result || unitName === "" || state.phase === "working"} onClick={() => void run()}>
          {t(result && stale ? "ui.export.anyway" : "ui.export.button")}
        </Button>
        {current && (
          <Button onClick={draft} title={t("ui.export.mailHint")}>
            {t("ui.export.mail")}
          </Button>
        )}
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
      {current && mail && (
        <MessageBar intent="success">
          <MessageBarBody>{mail.message}</MessageBarBody>
        </MessageBar>
      )}
    </StepSection>
  );
}
