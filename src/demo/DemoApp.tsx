import { useEffect, useMemo, useState } from "react";
import type { WorkbookHost } from "../hosts/host";
import type { MemoryWorkbook } from "../hosts/memory/workbook";
import { t, type Locale } from "../i18n/t";
import { App } from "../taskpane/App";
import { observedHost } from "./demoHost";
import { GridView } from "./GridView";

interface Props {
  book: MemoryWorkbook;
  host: WorkbookHost;
  locale: Locale;
}

/** The grid of the in-memory workbook on the left, the task pane on the right. */
export function DemoApp({ book, host, locale }: Props) {
  const [version, setVersion] = useState(0);
  const [sheet, setSheet] = useState(book.sheets[0]?.name ?? "");
  const observed = useMemo(() => observedHost(host, () => setVersion((v) => v + 1)), [host]);

  // follow the workbook's selection (an issue clicked in the pane)
  useEffect(() => {
    if (book.selection) setSheet(book.selection.sheet);
  }, [book, version]);

  const selection = book.selection && book.selection.sheet.toLowerCase() === sheet.toLowerCase() ? book.selection.address.replace(/^.*!/, "").replace(/\$/g, "") : null;
  return (
    <div style={{ display: "flex", height: "100vh", fontFamily: "'Segoe UI', 'Microsoft YaHei', sans-serif" }}>
      <div style={{ flex: 1, minWidth: 0, display: "flex", flexDirection: "column" }}>
        <div style={{ padding: "6px 12px", background: "#217346", color: "#FFF", fontSize: 14 }}>
          {t("ui.demo.title", {}, locale)} — {t("ui.demo.note", {}, locale)}
        </div>
        <div style={{ flex: 1, minHeight: 0 }}>
          <GridView book={book} sheet={sheet} version={version} selected={selection} onSheetChange={setSheet} />
        </div>
      </div>
      <aside style={{ width: 380, borderLeft: "1px solid #CCC", overflowY: "auto" }} aria-label={t("ui.appName", {}, locale)}>
        <App host={observed} locale={locale} />
      </aside>
    </div>
  );
}
