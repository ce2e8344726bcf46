import { describeError, XianjiaoError } from "../errors";
import { t, type Locale } from "../i18n/t";

/**
 * A failure as a sentence for the step it happened in. Excel's cell-edit mode says to finish
 * editing and then do `retry` again (the host's own sentence speaks of 评议, the usual case).
 */
export function describeFor(error: unknown, locale: Locale, retry: string): string {
  if (error instanceof XianjiaoError && error.code === "OFFICE_CELL_EDIT") return t("ui.cellEdit", { retry }, locale);
  return describeError(error, locale);
}
