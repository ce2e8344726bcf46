import { useCallback, useEffect, useState } from "react";
import { DEFAULT_RULES, resolveRules, type RuleSet } from "../engine";
import type { WorkbookHost } from "../hosts/host";
import { describeError } from "../errors";
import type { Locale } from "../i18n/t";
import { describeRuleErrors } from "./settingsForm";

export interface SettingsState {
  rules: RuleSet;
  loaded: boolean;
  /** A problem with the settings stored in the workbook (the defaults are used instead). */
  loadProblem: string | null;
}

/** The unit's rule set: loaded from the workbook once, replaced when the form saves. */
export function useSettings(host: WorkbookHost, locale: Locale) {
  const [state, setState] = useState<SettingsState>({ rules: DEFAULT_RULES, loaded: false, loadProblem: null });

  useEffect(() => {
    let live = true;
    host.loadSettings().then(
      (stored) => {
        if (!live) return;
        const resolved = resolveRules(stored ?? undefined);
        if (resolved.ok) setState({ rules: resolved.rules, loaded: true, loadProblem: null });
        else setState({ rules: DEFAULT_RULES, loaded: true, loadProblem: describeRuleErrors(resolved.errors, locale) });
      },
      (error) => live && setState({ rules: DEFAULT_RULES, loaded: true, loadProblem: describeError(error, locale) }),
    );
    return () => {
      live = false;
    };
  }, [host, locale]);

  /** Saves a validated rule set in the workbook; throws what the host throws. */
  const save = useCallback(
    async (rules: RuleSet) => {
      await host.saveSettings(rules);
      setState({ rules, loaded: true, loadProblem: null });
    },
    [host],
  );

  return { ...state, save };
}
