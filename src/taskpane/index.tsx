/// <reference types="office-js" />
import { createRoot } from "react-dom/client";
import { createOfficeHost, officeRunner, requirementsOk } from "../hosts/office";
import { t } from "../i18n/t";
import { App } from "./App";
import { localeFor } from "./context";

/** Office is ready: build the host over Excel.run and mount the pane. */
Office.onReady(() => {
  const root = document.getElementById("root");
  if (!root) return;
  const locale = localeFor(Office.context?.displayLanguage);
  document.documentElement.lang = locale;
  if (!requirementsOk().ok) {
    root.textContent = t("ui.requirements", {}, locale);
    return;
  }
  createRoot(root).render(<App host={createOfficeHost(officeRunner())} locale={locale} />);
});
