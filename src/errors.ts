import type { errorsZh } from "./i18n/errors";
import { t, type Locale, type MessageVars } from "./i18n/t";

type CodeOf<K> = K extends `error.${infer C}` ? C : never;
/** A failure's code: a key of the error catalogue without its "error." prefix, so every code has a sentence. */
export type ErrorCode = CodeOf<keyof typeof errorsZh>;

/**
 * A real failure (not bad data): a file that is not a workbook, a host that refused a write.
 * `code` picks the catalogue message `error.CODE`; the UI and CLI show `message(locale)`.
 */
export class XianjiaoError extends Error {
  readonly code: ErrorCode;
  readonly vars: MessageVars;

  constructor(code: ErrorCode, vars: MessageVars = {}, options?: { cause?: unknown }) {
    super(t(`error.${code}`, vars), options);
    this.name = "XianjiaoError";
    this.code = code;
    this.vars = vars;
  }

  localized(locale: Locale): string {
    return t(`error.${this.code}`, this.vars, locale);
  }
}

/** Turns anything thrown into a sentence for a secretary. */
export function describeError(error: unknown, locale: Locale = "zh-CN"): string {
  if (error instanceof XianjiaoError) return error.localized(locale);
  const detail = error instanceof Error ? error.message : String(error);
  return t("error.UNKNOWN", { detail }, locale);
}
