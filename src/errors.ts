import { t, type Locale, type MessageKey, type MessageVars } from "./i18n/t";

/**
 * A real failure (not bad data): a file that is not a workbook, a host that refused a write.
 * `code` picks the catalogue message `error.CODE`; the UI and CLI show `message(locale)`.
 */
export class XianjiaoError extends Error {
  readonly code: string;
  readonly vars: MessageVars;

  constructor(code: string, vars: MessageVars = {}, options?: { cause?: unknown }) {
    super(t(`error.${code}` as MessageKey, vars), options);
    this.name = "XianjiaoError";
    this.code = code;
    this.vars = vars;
  }

  localized(locale: Locale): string {
    return t(`error.${this.code}` as MessageKey, this.vars, locale);
  }
}

/** Turns anything thrown into a sentence for a secretary. */
export function describeError(error: unknown, locale: Locale = "zh-CN"): string {
  if (error instanceof XianjiaoError) return error.localized(locale);
  const detail = error instanceof Error ? error.message : String(error);
  return t("error.UNKNOWN", { detail }, locale);
}
