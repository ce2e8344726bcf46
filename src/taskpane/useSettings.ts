import { useCallback, useEffect, useRef, useState } from "react";
import { DEFAULT_RULES, resolveRules, type ColumnOverrides, type RuleSet, type RunRecord } from "../engine";
import type { WorkbookHost } from "../hosts/host";
import { describeError } from "../errors";
import type { Locale } from "../i18n/t";
import { describeRuleErrors } from "./settingsForm";
import { fromStored, toStored } from "./storedSettings";

export interface SettingsState {
  rules: RuleSet;
  /** The column mappings the secretary corrected, saved with the rules. */
  mappings: ColumnOverrides;
  loaded: boolean;
  /** Where they came from: the document's settings, the last run's record (the command line's), or the defaults. */
  source: "saved" | "record" | "defaults";
  /** A problem with the settings stored in the workbook (the defaults are used instead). */
  loadProblem: string | null;
}

/** The unit's rule set and column mappings: loaded from the workbook once, saved when changed. */
export function useSettings(host: WorkbookHost, locale: Locale) {
  const [state, setState] = useState<SettingsState>({ rules: DEFAULT_RULES, mappings: {}, loaded: false, source: "defaults", loadProblem: null });
  const current = useRef(state);
  current.current = state;

  useEffect(() => {
    let live = true;
    host.loadSettings().then(
      (value) => {
        if (!live) return;
        const stored = fromStored(value);
        const resolved = resolveRules(stored?.rules ?? undefined);
        const mappings = stored?.mappings ?? {};
        if (resolved.ok) setState({ rules: resolved.rules, mappings, loaded: true, source: stored ? "saved" : "defaults", loadProblem: null });
        else setState({ rules: DEFAULT_RULES, mappings, loaded: true, source: "defaults", loadProblem: describeRuleErrors(resolved.errors, locale) });
      },
      (error) => live && setState({ rules: DEFAULT_RULES, mappings: {}, loaded: true, source: "defaults", loadProblem: describeError(error, locale) }),
    );
    return () => {
      live = false;
    };
  }, [host, locale]);

  /**
   * A workbook the command line evaluated carries the rules and mappings of that run in its
   * record: used when the document has no settings of its own.
   */
  const adoptRecord = useCallback((record: RunRecord | null) => {
    const now = current.current;
    if (!record || !now.loaded || now.source !== "defaults" || now.loadProblem) return;
    const resolved = resolveRules(record.rules ?? undefined);
    if (!resolved.ok && !record.mappings) return;
    setState({ ...now, rules: resolved.ok ? resolved.rules : now.rules, mappings: record.mappings ?? now.mappings, source: "record" });
  }, []);

  /** Saves a validated rule set in the workbook, with the mappings; throws what the host throws. */
  const save = useCallback(
    async (rules: RuleSet) => {
      await host.saveSettings(toStored(rules, current.current.mappings));
      setState((s) => ({ ...s, rules, loaded: true, source: "saved", loadProblem: null }));
    },
    [host],
  );

  /** The mappings take effect at once and are saved with the rules; throws what the host throws. */
  const saveMappings = useCallback(
    async (mappings: ColumnOverrides) => {
      setState((s) => ({ ...s, mappings }));
      await host.saveSettings(toStored(current.current.rules, mappings));
      setState((s) => ({ ...s, source: "saved" }));
    },
    [host],
  );

  return { ...state, save, saveMappings, adoptRecord };
}
