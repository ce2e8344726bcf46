import { canonicalJson, EXPECT, resolveRules, type RuleError, type RuleSet, type Scheme } from "../engine";
import { t, type Locale, type MessageKey } from "../i18n/t";

/** The settings form as typed: text boxes hold strings until they are validated. */
export interface SettingsValues {
  minHours: string;
  minConcentratedDays: string;
  rewriteBelow: string;
  minRate: string;
  maxMonths: string;
  maxShare: string;
  scheme: Scheme;
  batchStart: string;
  unitName: string;
  reportEmail: string;
}

export type SettingsField = keyof SettingsValues;

/** Rule-set paths → form fields; the first path that starts with a key wins. */
const PATH_FIELDS: [string, SettingsField][] = [
  ["study.minHours", "minHours"],
  ["study.minConcentratedDays", "minConcentratedDays"],
  ["satisfaction.rewriteBelow", "rewriteBelow"],
  ["attendance.minRate", "minRate"],
  ["absence.maxMonths", "maxMonths"],
  ["excellent.maxShare", "maxShare"],
  ["stages", "scheme"],
  ["batchStart", "batchStart"],
  ["unitName", "unitName"],
  ["reportEmail", "reportEmail"],
];

export function fieldForPath(path: string): SettingsField | null {
  for (const [prefix, field] of PATH_FIELDS) if (path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`)) return field;
  return null;
}

/** Shows a number without float noise (0.25 → "0.25", 40 → "40"). */
function show(n: number | null): string {
  return n === null ? "" : String(Number(n.toFixed(4)));
}

/** A share as a secretary writes it: 1/3 rather than 0.3333 when it is a simple fraction that no short decimal gives. */
function showShare(n: number): string {
  if (Number(n.toFixed(4)) === n) return show(n);
  for (let d = 2; d <= 12; d++) {
    const k = Math.round(n * d);
    if (Math.abs(n * d - k) < 1e-9) return `${k}/${d}`;
  }
  return show(n);
}

export function valuesFromRules(rules: RuleSet): SettingsValues {
  return {
    minHours: show(rules.study.minHours),
    minConcentratedDays: show(rules.study.minConcentratedDays),
    rewriteBelow: show(rules.satisfaction.rewriteBelow),
    minRate: show(rules.attendance.minRate),
    maxMonths: show(rules.absence.maxMonths),
    maxShare: showShare(rules.excellent.maxShare),
    scheme: rules.stages.scheme,
    batchStart: rules.batchStart ?? "",
    unitName: rules.unitName ?? "",
    reportEmail: rules.reportEmail ?? "",
  };
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const PERCENT = /^([+-]?(\d+(\.\d*)?|\.\d+))\s*%$/;
const FRACTION = /^(\d+)\s*\/\s*(\d+)$/;

/** Half-width text: full-width digits, ％, ／, ． and the like as typed with a Chinese input method. */
function halfWidth(text: string): string {
  return text.trim().replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** How a box reads what is typed: a plain number, a percentage threshold (80 or 80%), or a share (0.3, 30% or 1/3). */
type NumberKind = "number" | "percent" | "share";

/**
 * A typed number: unchanged text keeps the base value exactly (so 1/3 stays 1/3), a number
 * becomes a number, anything else is passed on as text for the schema to reject in its words.
 */
function typed(text: string, base: number | null, nullable: boolean, kind: NumberKind = "number"): unknown {
  const trimmed = halfWidth(text);
  if (base !== null && trimmed === (kind === "share" ? showShare(base) : show(base))) return base;
  if (trimmed === "") return nullable ? null : "";
  if (NUMBER.test(trimmed)) return Number(trimmed);
  const percent = PERCENT.exec(trimmed);
  if (percent && kind === "percent") return Number(percent[1]);
  if (percent && kind === "share") return Number(percent[1]) / 100;
  const fraction = FRACTION.exec(trimmed);
  if (fraction && kind === "share" && Number(fraction[2]) > 0) return Number(fraction[1]) / Number(fraction[2]);
  return trimmed;
}

/** A date as typed (2026-9-1, 2026/9/1, 2026.9.1, 2026年9月1日) in the rule set's YYYY-MM-DD; anything else unchanged. */
export function isoDate(text: string): string {
  const trimmed = halfWidth(text);
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(trimmed);
  return match ? `${match[1]}-${match[2].padStart(2, "0")}-${match[3].padStart(2, "0")}` : trimmed;
}

/** What a field's value should be: a catalogue message (`settings.expect.*`), or the schema's own words for anything else. */
export type FieldProblem = { key: MessageKey } | { text: string };

export type SettingsOutcome = { ok: true; rules: RuleSet } | { ok: false; fieldErrors: Partial<Record<SettingsField, FieldProblem>>; otherErrors: RuleError[] };

/** Validates the form with the same schema as a rule file. */
export function rulesFromValues(values: SettingsValues, base: RuleSet): SettingsOutcome {
  const override: Record<string, unknown> = {
    study: { minHours: typed(values.minHours, base.study.minHours, false), minConcentratedDays: typed(values.minConcentratedDays, base.study.minConcentratedDays, false) },
    satisfaction: { rewriteBelow: typed(values.rewriteBelow, base.satisfaction.rewriteBelow, false, "percent") },
    attendance: { minRate: typed(values.minRate, base.attendance.minRate, true, "percent") },
    absence: { maxMonths: typed(values.maxMonths, base.absence.maxMonths, false) },
    excellent: { maxShare: typed(values.maxShare, base.excellent.maxShare, false, "share") },
    batchStart: values.batchStart.trim() === "" ? null : isoDate(values.batchStart),
    unitName: values.unitName.trim() === "" ? null : values.unitName.trim(),
    reportEmail: halfWidth(values.reportEmail) === "" ? null : halfWidth(values.reportEmail),
  };
  if (values.scheme !== base.stages.scheme) override.stages = { scheme: values.scheme };
  const resolved = resolveRules(override, base);
  if (resolved.ok) return { ok: true, rules: resolved.rules };
  return splitErrors(resolved.errors);
}

/**
 * Does the form hold changes not saved yet? Only when what it would save differs from the rules
 * in force ("50.0" for 50 is no change); a value that cannot be saved is a change too.
 */
export function settingsDirty(values: SettingsValues, rules: RuleSet): boolean {
  const outcome = rulesFromValues(values, rules);
  return !outcome.ok || canonicalJson(outcome.rules) !== canonicalJson(rules);
}

const EXPECT_NAMES = new Map<string, keyof typeof EXPECT>(Object.entries(EXPECT).map(([name, text]) => [text, name as keyof typeof EXPECT]));

/** A rule error's expectation as the pane words it. */
export function problemOf(error: RuleError): FieldProblem {
  const name = EXPECT_NAMES.get(error.expected);
  return name ? { key: `settings.expect.${name}` } : { text: error.expected };
}

/** Rule errors in the pane's language, one per line ("study.minHours：应为不小于 0 的数字"). */
export function describeRuleErrors(errors: readonly RuleError[], locale: Locale): string {
  return errors
    .map((error) => {
      const problem = problemOf(error);
      const text = "key" in problem ? t(problem.key, {}, locale) : problem.text;
      return error.path === "" ? text : `${error.path}${locale === "en" ? ": " : "："}${text}`;
    })
    .join("\n");
}

export function splitErrors(errors: readonly RuleError[]): { ok: false; fieldErrors: Partial<Record<SettingsField, FieldProblem>>; otherErrors: RuleError[] } {
  const fieldErrors: Partial<Record<SettingsField, FieldProblem>> = {};
  const otherErrors: RuleError[] = [];
  for (const error of errors) {
    const field = fieldForPath(error.path);
    if (field && !fieldErrors[field]) fieldErrors[field] = problemOf(error);
    else if (!field) otherErrors.push(error);
  }
  return { ok: false, fieldErrors, otherErrors };
}
