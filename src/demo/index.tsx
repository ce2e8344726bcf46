import { createRoot } from "react-dom/client";
import { t } from "../i18n/t";
import { DemoRoot } from "./DemoRoot";
import { demoOptions } from "./params";

const root = document.getElementById("root");
if (root) {
  const parsed = demoOptions(location.search, location.href);
  document.documentElement.lang = parsed.ok ? parsed.options.locale : parsed.locale;
  if (!parsed.ok) root.textContent = t("ui.demo.foreignWorkbook", { url: parsed.url }, parsed.locale);
  else createRoot(root).render(<DemoRoot options={parsed.options} />);
}
