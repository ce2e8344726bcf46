import { DEFAULT_RULES, formatRuleErrors, hasMappings, resolveRules, ruleFingerprint, type ColumnOverrides, type RuleSet, type RunRecord } from "../engine";
import { t } from "../i18n/t";
import { adjustRules, type RuleOptions } from "./options";

/** The rule settings and column mapping a run uses. */
export interface Settings {
  rules: RuleSet;
  overrides?: ColumnOverrides;
}

export interface ChosenSettings extends Settings {
  /** What the summary says about where they came from. */
  lines: string[];
}

/**
 * What the workbook remembers wins over the defaults: a workbook the task pane evaluated keeps
 * the rule settings and column mappings the secretary saved there, and the command line runs it
 * with them unless told otherwise (--rules, --mapping). Said in the summary whenever it happens.
 */
export function settingsFromRecord(given: Settings, record: RunRecord | null, options: RuleOptions & { mapping?: string }): ChosenSettings {
  const lines: string[] = [];
  let rules = given.rules;
  if (options.rules === undefined && record && record.rules !== undefined) {
    const resolved = resolveRules(record.rules);
    if (!resolved.ok) {
      lines.push(t("cli.summary.recordedRulesInvalid", { detail: formatRuleErrors(resolved.errors).replace(/\n/g, "；") }));
    } else if (ruleFingerprint(resolved.rules) !== ruleFingerprint(DEFAULT_RULES)) {
      rules = adjustRules(resolved.rules, options);
      lines.push(t("cli.summary.recordedRules", { today: record.today || "—" }));
    }
  }
  let overrides = given.overrides;
  if (options.mapping === undefined && record && hasMappings(record.mappings)) {
    overrides = record.mappings!;
    lines.push(t("cli.summary.recordedMapping", { sheets: Object.keys(overrides).map((sheet) => `“${sheet}”`).join("、") }));
  }
  return { rules, overrides, lines };
}
