import { useCallback, useEffect, useRef, useState } from "react";
import { readWorkbook, type RecognisedTable, type WorkbookInput } from "../engine";
import type { WorkbookHost } from "../hosts/host";
import { describeError } from "../errors";
import type { Locale } from "../i18n/t";
import { surveySheets } from "./sheetNames";

export type RecognitionState =
  | { phase: "loading" }
  | {
      phase: "ready";
      input: WorkbookInput;
      tables: RecognisedTable[];
      surveys: { sheet: string; units: number }[];
      /** Tables of people who are not Party members, and the user's words that say so. */
      notMembers: { sheet: string; evidence: string }[];
    }
  | { phase: "error"; message: string };

/** Reads the workbook and recognises its member tables and unit surveys (automatic mapping, no overrides). */
export function useRecognition(host: WorkbookHost, locale: Locale) {
  const [state, setState] = useState<RecognitionState>({ phase: "loading" });
  const controller = useRef<AbortController | null>(null);

  const refresh = useCallback(async () => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ phase: "loading" });
    try {
      const input = await host.readWorkbook({ signal: abort.signal });
      if (abort.signal.aborted) return;
      const read = readWorkbook(input);
      setState({ phase: "ready", input, tables: read.tables, surveys: surveySheets(read.unitSurveys), notMembers: read.notMemberTables });
    } catch (error) {
      if (!abort.signal.aborted) setState({ phase: "error", message: describeError(error, locale) });
    }
  }, [host, locale]);

  useEffect(() => {
    void refresh();
    return () => controller.current?.abort();
  }, [refresh]);

  return { state, refresh };
}
