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

/** Looks a message up and fills its {placeholders}; an unknown placeholder is left visible. */
export function t(key: MessageKey, vars: MessageVars = {}, locale: Locale = "zh-CN"): string {
  const template = catalogues[locale][key] ?? zhCN[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

export function issueMessage(issue: DataIssue, locale: Locale = "zh-CN"): string {
  return t(`issue.${issue.code}` as MessageKey, { value: issue.value ?? "", ...issue.params }, locale);
}
