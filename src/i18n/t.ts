import { en } from "./en";
import { zhCN, type MessageKey } from "./zh-CN";
import type { DataIssue } from "../engine/types";

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
