import { useCallback, useEffect, useRef, useState } from "react";
import { Divider, FluentProvider, Text, webLightTheme } from "@fluentui/react-components";
import { readMemory, type ColumnOverrides, type DataIssue, type RecognisedTable, type RunResult } from "../engine";
import type { WorkbookHost } from "../hosts/host";
import type { Locale } from "../i18n/t";
import { localToday, PaneProvider, useT, usePane } from "./context";
import { describeFor } from "./errorText";
import { EvaluateStep } from "./components/EvaluateStep";
import { ConsolidateStep } from "./components/ConsolidateStep";
import { ExportStep } from "./components/ExportStep";
import { RecognitionStep } from "./components/RecognitionStep";
import { ResultsPlaceholder, ResultsStep } from "./components/ResultsStep";
import { ManualDecisions } from "./components/ManualDecisions";
import { SettingsStep } from "./components/SettingsStep";
import { useEvaluation } from "./useEvaluation";
import { useRecognition } from "./useRecognition";
import { useSettings } from "./useSettings";
import { useStyles } from "./styles";

/** What a page around the pane may follow (the demo scrolls its grid and times the run). */
export interface PaneEvents {
  /** The reader recognised the workbook's tables. */
  recognised?(tables: RecognisedTable[]): void;
  /** 评议 was clicked; called before anything is read. */
  evaluateStart?(): void;
  /** The run ended and the pane has rendered its outcome: the result, or null when cancelled or failed. */
  evaluateEnd?(result: RunResult | null): void;
}

export interface AppProps {
  host: WorkbookHost;
  events?: PaneEvents;
  locale?: Locale;
  /** Today's ISO date; the local date when omitted (tests pin it). */
  today?: () => string;
}

function Pane({ today, events }: { today: () => string; events?: PaneEvents }) {
  const { host, locale } = usePane();
  const t = useT();
  const styles = useStyles();
  const recognition = useRecognition(host, locale);
  const settings = useSettings(host, locale);
  const evaluation = useEvaluation(host, locale);
  const overrides = settings.mappings;
  const [mappingProblem, setMappingProblem] = useState<string | null>(null);
  const [selectProblem, setSelectProblem] = useState<string | null>(null);
  const { refresh } = recognition;
  const { adoptRecord, saveMappings } = settings;
  const eventsRef = useRef(events);
  eventsRef.current = events;

  useEffect(() => {
    if (recognition.state.phase === "ready") eventsRef.current?.recognised?.(recognition.state.tables);
  }, [recognition.state]);

  // a workbook the command line evaluated brings the rules and mappings of that run
  useEffect(() => {
    if (recognition.state.phase === "ready" && settings.loaded) adoptRecord(readMemory(recognition.state.input).record);
  }, [recognition.state, settings.loaded, adoptRecord]);

  const setOverrides = useCallback(
    (next: ColumnOverrides) => {
      setMappingProblem(null);
      saveMappings(next).catch((error: unknown) => setMappingProblem(t("ui.recognise.saveFailed", { detail: describeFor(error, locale, "") })));
    },
    [saveMappings, t, locale],
  );

  useEffect(() => {
    const { state } = evaluation;
    if (state.phase === "done") eventsRef.current?.evaluateEnd?.(state.result);
    else if (state.phase === "cancelled" || state.phase === "error") eventsRef.current?.evaluateEnd?.(null);
  }, [evaluation.state]);

  const evaluate = useCallback(
    async (resetManual?: true | readonly string[]) => {
      eventsRef.current?.evaluateStart?.();
      await evaluation.evaluate({ rules: settings.rules, today: today(), overrides, resetManual });
    },
    [evaluation, settings.rules, today, overrides],
  );

  // a cell Excel cannot select (cell-edit mode, a sheet renamed since the run) is said, not swallowed
  const selectIssue = useCallback(
    (issue: DataIssue) => {
      if (!issue.cell) return;
      host.selectCell(issue.sheet, issue.cell).then(
        () => setSelectProblem(null),
        (error: unknown) => setSelectProblem(t("ui.results.selectFailed", { sheet: issue.sheet, cell: issue.cell, detail: describeFor(error, locale, t("ui.results.retrySelect")) })),
      );
    },
    [host, t, locale],
  );

  const result = evaluation.state.phase === "done" ? evaluation.state.result : null;
  return (
    <main className={styles.pane}>
      <Text as="h1" size={500} weight="bold">
        {t("ui.appName")}
      </Text>
      <RecognitionStep state={recognition.state} overrides={overrides} onOverridesChange={setOverrides} onRefresh={() => void refresh()} saveProblem={mappingProblem} />
      <Divider />
      <EvaluateStep state={evaluation.state} disabled={!settings.loaded} onEvaluate={() => void evaluate()} onCancel={evaluation.cancel} />
      <Divider />
      {result && result.manualCount > 0 && <ManualDecisions result={result} busy={evaluation.state.phase === "running"} onReset={(refs) => void evaluate(refs)} />}
      {result ? <ResultsStep result={result} onSelectIssue={selectIssue} selectProblem={selectProblem} /> : <ResultsPlaceholder />}
      <Divider />
      <ExportStep result={result} reportEmail={settings.rules.reportEmail} onUnitName={(unitName) => settings.save({ ...settings.rules, unitName })} />
      <Divider />
      <SettingsStep rules={settings.rules} loadProblem={settings.loadProblem} onSave={settings.save} />
      <Divider />
      <ConsolidateStep unitName={settings.rules.unitName ?? ""} today={today} />
    </main>
  );
}

/** The task pane: every Office call goes through the host it is given. */
export function App({ host, locale = "zh-CN", today = localToday, events }: AppProps) {
  return (
    <FluentProvider theme={webLightTheme} lang={locale}>
      <PaneProvider host={host} locale={locale}>
        <Pane today={today} events={events} />
      </PaneProvider>
    </FluentProvider>
  );
}
