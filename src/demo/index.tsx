import { createRoot } from "react-dom/client";
import { createOfficeHost } from "../hosts/office";
import { describeError } from "../errors";
import { t } from "../i18n/t";
import { DemoApp } from "./DemoApp";
import { demoOptions } from "./params";
import { bookFromSheets, sheetsFromXlsx } from "./workbookFile";

async function start(root: HTMLElement) {
  const parsed = demoOptions(location.search, location.href);
  if (!parsed.ok) {
    document.documentElement.lang = parsed.locale;
    root.textContent = t("ui.demo.foreignWorkbook", { url: parsed.url }, parsed.locale);
    return;
  }
  const { options } = parsed;
  const { locale } = options;
  document.documentElement.lang = locale;
  root.textContent = options.isSample ? t("ui.demo.loading", {}, locale) : t("ui.demo.loadingWorkbook", { name: options.workbookName }, locale);
  try {
    const response = await fetch(options.workbookUrl);
    if (!response.ok) throw new Error(`${options.workbookUrl}: HTTP ${response.status}`);
    const { book, merges } = bookFromSheets(await sheetsFromXlsx(await response.arrayBuffer()));
    const host = createOfficeHost(book.run, { settings: book.settings, isSetSupported: book.isSetSupported });
    root.textContent = "";
    document.body.dataset.loaded = "true";
    createRoot(root).render(<DemoApp book={book} host={host} merges={merges} options={options} />);
  } catch (error) {
    const detail = describeError(error, locale);
    root.textContent = options.isSample ? t("ui.demo.loadFailed", { detail }, locale) : t("ui.demo.workbookFailed", { name: options.workbookName, detail }, locale);
  }
}

const root = document.getElementById("root");
if (root) void start(root);
