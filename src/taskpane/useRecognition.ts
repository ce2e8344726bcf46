import { useCallback, useEffect, useRef, useState } from "react";
import { readWorkbook, type RecognisedTable, type WorkbookInput } from "../engine";
import type { WorkbookHost } from "../hosts/host";
import { describeError } from "../errors";
import type { Locale } from "../i18n/t";

export type RecognitionState =
  | { phase: "loading" }
  | { phase: "ready"; input: WorkbookInput; tables: RecognisedTable[] }
  | { phase: "error"; message: string };

/** Reads the workbook and recognises its tables (automatic mapping, no overrides). */
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
      setState({ phase: "ready", input, tables: readWorkbook(input).tables });
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
