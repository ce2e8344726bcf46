import { en } from "./en";
import { zhCN, type MessageKey } from "./zh-CN";
import type { DataIssue, FieldId, RuleOff } from "../engine/types";

export type Locale = "zh-CN" | "en";
export type { MessageKey };
export type MessageVars = Record<string, string | number>;

const catalogues: Record<Locale, Record<MessageKey, string>> = { "zh-CN": zhCN, en };

export const LOCALES: readonly Locale[] = ["zh-CN", "en"];

export function catalogue(locale: Locale): Record<MessageKey, string> {
  return catalogues[locale];
}

/** A template split once into its text and its {placeholders} (odd positions hold the names). */
const compiled = new Map<string, string[]>();

function partsOf(template: string): string[] {
  let parts = compiled.get(template);
  if (parts === undefined) compiled.set(template, (parts = template.split(/\{(\w+)\}/)));
  return parts;
}

/**
 * Looks a message up and fills its {placeholders}; an unknown placeholder is left visible. The
 * issues sheet fills one message per data issue, a city's tens of thousands of them: each
 * template is parsed once.
 */
export function t(key: MessageKey, vars: MessageVars = {}, locale: Locale = "zh-CN"): string {
  const parts = partsOf(catalogues[locale][key] ?? zhCN[key]);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    out += (Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : `{${name}}`) + parts[i + 1];
  }
  return out;
}

/** A data issue's message: its params fill the placeholders, {value} is the cell's value unless a param says otherwise. */
export function issueMessage(issue: DataIssue, locale: Locale = "zh-CN"): string {
  const key = `issue.${issue.code}` as MessageKey;
  const parts = partsOf(catalogues[locale][key] ?? zhCN[key]);
  const params = issue.params;
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    const filled = Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : name === "value" ? (issue.value ?? "") : `{${name}}`;
    out += filled + parts[i + 1];
  }
  return out;
}

/**
 * One sentence for a rule switched off: the rule, the columns it misses, and the headers seen
 * that may be them (rename or map them), else what to do. `where` says where the mapping is
 * edited: the pane's own step, or the add-in seen from a file (the CLI, 评议-说明).
 */
export function ruleOffText(off: RuleOff, locale: Locale = "zh-CN", where: "pane" | "file" = "file"): string {
  return t("rulesOff.line", { rule: off.rule, label: t(`rule.${off.rule}`, {}, locale), detail: ruleOffDetail(off, locale, where) }, locale);
}

/** ruleOffText without the rule's name in front (for a place that names the rule beside it). */
export function ruleOffDetail(off: RuleOff, locale: Locale = "zh-CN", where: "pane" | "file" = "file"): string {
  const list = (items: string[]) => items.join(locale === "en" ? ", " : "、");
  const quoted = (field: FieldId, l: Locale) => t("rulesOff.field", { label: t(`field.${field}` as MessageKey, {}, l) }, locale);
  const candidates = off.candidates ?? [];
  // the header to rename to is the sheet's Chinese one, in either language
  const targets = [...new Set(candidates.length > 0 ? candidates.map((c) => c.field) : off.missing)].map((field) => quoted(field, "zh-CN"));
  const target = candidates.length > 0 ? targets.join(locale === "en" ? " or " : "或") : list(targets);
  const whereText = t(`rulesOff.where.${where}`, {}, locale);
  const advice =
    candidates.length > 0
      ? t("rulesOff.rename", { candidates: list(candidates.map((c) => t("rulesOff.candidate", { header: c.header, sheet: c.sheet, cell: c.cell }, locale))), target, where: whereText }, locale)
      : t(off.missing.length > 1 ? "rulesOff.addMany" : "rulesOff.add", { target, where: whereText }, locale);
  return t("rulesOff.detail", { missing: list(off.missing.map((field) => quoted(field, locale))), advice }, locale);
}
