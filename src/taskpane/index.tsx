/// <reference types="office-js" />
import { createRoot } from "react-dom/client";
import { createOfficeHost, officeRunner, requirementsOk } from "../hosts/office";
import { App } from "./App";
import { startPane } from "./startup/start";

/** Office ready in Excel: build the host over Excel.run and mount the pane (start-up messages otherwise). */
void startPane(document, {
  office: typeof Office === "undefined" ? undefined : Office,
  requirementsOk: () => requirementsOk().ok,
  language: navigator.language,
  mount: (root, locale) => createRoot(root).render(<App host={createOfficeHost(officeRunner())} locale={locale} />),
});
