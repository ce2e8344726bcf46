import { createRoot } from "react-dom/client";
import { createOfficeHost } from "../hosts/office";
import { MemoryWorkbook } from "../hosts/memory";
import { describeError } from "../errors";
import { t } from "../i18n/t";
import { localeFor } from "../taskpane/context";
import { DemoApp } from "./DemoApp";
import { gridsFromXlsx } from "./sampleGrids";

/** The sample workbook, copied next to the page by the build. */
export const SAMPLE_URL = "examples/sample.xlsx";

async function start(root: HTMLElement) {
  const locale = localeFor(new URLSearchParams(location.search).get("lang") ?? undefined);
  document.documentElement.lang = locale;
  root.textContent = t("ui.demo.loading", {}, locale);
  try {
    const response = await fetch(SAMPLE_URL);
    if (!response.ok) throw new Error(`${SAMPLE_URL}: HTTP ${response.status}`);
    const book = MemoryWorkbook.fromGrids(await gridsFromXlsx(await response.arrayBuffer()));
    const host = createOfficeHost(book.run, { settings: book.settings, isSetSupported: book.isSetSupported });
    root.textContent = "";
    createRoot(root).render(<DemoApp book={book} host={host} locale={locale} />);
  } catch (error) {
    root.textContent = t("ui.demo.loadFailed", { detail: describeError(error, locale) }, locale);
  }
}

const root = document.getElementById("root");
if (root) void start(root);
