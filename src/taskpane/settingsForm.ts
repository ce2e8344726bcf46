import { resolveRules, type RuleError, type RuleSet, type Scheme } from "../engine";

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
];

export function fieldForPath(path: string): SettingsField | null {
  for (const [prefix, field] of PATH_FIELDS) if (path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`)) return field;
  return null;
}

/** Shows a number without float noise (1/3 → "0.3333"). */
function show(n: number | null): string {
  return n === null ? "" : String(Number(n.toFixed(4)));
}

export function valuesFromRules(rules: RuleSet): SettingsValues {
  return {
    minHours: show(rules.study.minHours),
    minConcentratedDays: show(rules.study.minConcentratedDays),
    rewriteBelow: show(rules.satisfaction.rewriteBelow),
    minRate: show(rules.attendance.minRate),
    maxMonths: show(rules.absence.maxMonths),
    maxShare: show(rules.excellent.maxShare),
    scheme: rules.stages.scheme,
    batchStart: rules.batchStart ?? "",
    unitName: rules.unitName ?? "",
  };
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * A typed number: unchanged text keeps the base value exactly (so 1/3 stays 1/3), a number
 * becomes a number, anything else is passed on as text for the schema to reject in its words.
 */
function typed(text: string, base: number | null, nullable: boolean): unknown {
  const trimmed = text.trim().replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (trimmed === show(base)) return base;
  if (trimmed === "") return nullable ? null : "";
  return NUMBER.test(trimmed) ? Number(trimmed) : trimmed;
}

export type SettingsOutcome = { ok: true; rules: RuleSet } | { ok: false; fieldErrors: Partial<Record<SettingsField, string>>; otherErrors: string[] };

/** Validates the form with the same schema as a rule file; messages are resolveRules' own. */
export function rulesFromValues(values: SettingsValues, base: RuleSet): SettingsOutcome {
  const override: Record<string, unknown> = {
    study: { minHours: typed(values.minHours, base.study.minHours, false), minConcentratedDays: typed(values.minConcentratedDays, base.study.minConcentratedDays, false) },
    satisfaction: { rewriteBelow: typed(values.rewriteBelow, base.satisfaction.rewriteBelow, false) },
    attendance: { minRate: typed(values.minRate, base.attendance.minRate, true) },
    absence: { maxMonths: typed(values.maxMonths, base.absence.maxMonths, false) },
    excellent: { maxShare: typed(values.maxShare, base.excellent.maxShare, false) },
    batchStart: values.batchStart.trim() === "" ? null : values.batchStart.trim(),
    unitName: values.unitName.trim() === "" ? null : values.unitName.trim(),
  };
  if (values.scheme !== base.stages.scheme) override.stages = { scheme: values.scheme };
  const resolved = resolveRules(override, base);
  if (resolved.ok) return { ok: true, rules: resolved.rules };
  return splitErrors(resolved.errors);
}

export function splitErrors(errors: readonly RuleError[]): { ok: false; fieldErrors: Partial<Record<SettingsField, string>>; otherErrors: string[] } {
  const fieldErrors: Partial<Record<SettingsField, string>> = {};
  const otherErrors: string[] = [];
  for (const error of errors) {
    const field = fieldForPath(error.path);
    if (field && !fieldErrors[field]) fieldErrors[field] = error.expected;
    else if (!field) otherErrors.push(error.message);
  }
  return { ok: false, fieldErrors, otherErrors };
}
