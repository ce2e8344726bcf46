import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { AriaLiveAnnouncer, Divider, FluentProvider, Text, webLightTheme } from "@fluentui/react-components";
import { readMemory, todoList, type ColumnOverrides, type DataIssue, type MemberResult, type RecognisedTable, type RuleSet, type RunResult } from "../engine";
import type { WorkbookHost } from "../hosts/host";
import type { Locale } from "../i18n/t";
import { localToday, PaneProvider, useT, usePane } from "./context";
import { describeFor } from "./errorText";
import { EvaluateStep } from "./components/EvaluateStep";
import { ConsolidateStep } from "./components/ConsolidateStep";
import { ExportStep } from "./components/ExportStep";
import { RecognitionStep } from "./components/RecognitionStep";
import { ResultsPlaceholder, ResultsStep, type SelectProblem } from "./components/ResultsStep";
import { SETTINGS_FORM_ID, SettingsStep } from "./components/SettingsStep";
import { memberCell } from "./notices";
import { runBasis } from "./staleness";
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
  const [selectProblem, setSelectProblem] = useState<SelectProblem | null>(null);
  const [unsaved, setUnsaved] = useState(false);
  // what the results shown were computed with: the settings may change under them
  const [ranWith, setRanWith] = useState<{ result: RunResult; rules: RuleSet; basis: string } | null>(null);
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
      // settings typed but not saved would not be used: 评议 waits for them (the step says so)
      if (unsaved) return;
      eventsRef.current?.evaluateStart?.();
      const { rules } = settings;
      const basis = runBasis(rules, overrides);
      const result = await evaluation.evaluate({ rules, today: today(), overrides, resetManual });
      if (result) setRanWith({ result, rules, basis });
    },
    [evaluation, settings, today, overrides, unsaved],
  );

  // a cell Excel cannot select (cell-edit mode, a sheet renamed since the run) is said, not swallowed
  const select = useCallback(
    (from: SelectProblem["from"], sheet: string, cell: string) => {
      host.selectCell(sheet, cell).then(
        () => setSelectProblem(null),
        (error: unknown) => setSelectProblem({ from, message: t("ui.results.selectFailed", { sheet, cell, detail: describeFor(error, locale, t("ui.results.retrySelect")) }) }),
      );
    },
    [host, t, locale],
  );
  const selectIssue = useCallback((issue: DataIssue) => issue.cell && select("issues", issue.sheet, issue.cell), [select]);

  const result = evaluation.state.phase === "done" ? evaluation.state.result : null;
  const selectMember = useCallback(
    (member: MemberResult) => {
      const { sheet, cell } = memberCell(member, result?.tables ?? []);
      select("todo", sheet, cell);
    },
    [select, result],
  );
  const todo = useMemo(() => (result ? todoList(result.members) : null), [result]);
  const run = ranWith && ranWith.result === result ? ranWith : null;
  const stale = run !== null && run.basis !== runBasis(settings.rules, overrides);
  const busy = evaluation.state.phase === "running";

  const showSettings = useCallback(() => {
    const form = document.getElementById(SETTINGS_FORM_ID);
    form?.scrollIntoView?.({ block: "start" });
    form?.querySelector("input")?.focus({ preventScroll: true });
  }, []);

  return (
    <main className={styles.pane}>
      <Text as="h1" size={500} weight="bold">
        {t("ui.appName")}
      </Text>
      <RecognitionStep state={recognition.state} overrides={overrides} onOverridesChange={setOverrides} onRefresh={() => void refresh()} saveProblem={mappingProblem} />
      <Divider />
      <EvaluateStep
        state={evaluation.state}
        disabled={!settings.loaded}
        unsaved={unsaved}
        stale={stale}
        todoCount={todo?.members ?? 0}
        onEvaluate={() => void evaluate()}
        onCancel={evaluation.cancel}
        onShowSettings={showSettings}
      />
      <Divider />
      {result && todo ? (
        <ResultsStep
          result={result}
          todo={todo}
          rules={run?.rules ?? settings.rules}
          stale={stale}
          busy={busy || unsaved}
          onEvaluateAgain={() => void evaluate()}
          onSelectIssue={selectIssue}
          onSelectMember={selectMember}
          onResetManual={(refs) => void evaluate(refs)}
          selectProblem={selectProblem}
        />
      ) : (
        <ResultsPlaceholder />
      )}
      <Divider />
      <ExportStep result={result} stale={stale} reportEmail={settings.rules.reportEmail} onUnitName={(unitName) => settings.save({ ...settings.rules, unitName })} />
      <Divider />
      <SettingsStep rules={settings.rules} loadProblem={settings.loadProblem} onSave={settings.save} onDirtyChange={setUnsaved} />
      <Divider />
      <ConsolidateStep unitName={settings.rules.unitName ?? ""} today={today} />
    </main>
  );
}

/** The task pane: every Office call goes through the host it is given. */
export function App({ host, locale = "zh-CN", today = localToday, events }: AppProps) {
  return (
    <FluentProvider theme={webLightTheme} lang={locale}>
      <AriaLiveAnnouncer>
        <PaneProvider host={host} locale={locale}>
          <Pane today={today} events={events} />
        </PaneProvider>
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}
