import { useRef } from "react";
import { t, type Locale } from "../i18n/t";
import { SAMPLE_SUMMARIES } from "./params";

/** What the page is doing with a workbook: loading one, or why the last one could not be opened. */
export type DemoNotice = { kind: "loading" | "failed"; text: string } | null;

interface Props {
  locale: Locale;
  /** The loaded workbook's file name; null before any workbook is loaded. */
  workbookName: string | null;
  isSample: boolean;
  notice: DemoNotice;
  onOpenFile(file: File): void;
}

/** The demo's title bar: the workbook shown, the privacy note, and a button to open a workbook from this computer. */
export function DemoHeader({ locale, workbookName, isSample, notice, onOpenFile }: Props) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <div style={{ padding: "6px 12px", background: "#217346", color: "#FFF", fontSize: 14, display: "flex", gap: 12, alignItems: "center", whiteSpace: "nowrap", overflow: "hidden", flexShrink: 0 }}>
        <strong>{t("ui.demo.title", {}, locale)}</strong>
        {workbookName && !isSample && <span>{workbookName}</span>}
        <button
          type="button"
          title={t("ui.demo.openHint", {}, locale)}
          onClick={() => input.current?.click()}
          style={{ font: "inherit", fontSize: 13, padding: "2px 10px", border: "1px solid #FFF", borderRadius: 4, background: "transparent", color: "#FFF", cursor: "pointer", flexShrink: 0 }}
        >
          {t("ui.demo.open", {}, locale)}
        </button>
        <input
          ref={input}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={t("ui.demo.open", {}, locale)}
          style={{ display: "none" }}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = "";
            if (file) onOpenFile(file);
          }}
        />
        <span style={{ fontSize: 12, opacity: 0.85, overflow: "hidden", textOverflow: "ellipsis" }}>{t(isSample ? "ui.demo.note" : "ui.demo.noteFile", {}, locale)}</span>
        <span style={{ fontSize: 12, flexShrink: 0 }} title={t("ui.demo.summariesHint", {}, locale)}>
          {t("ui.demo.summaries", {}, locale)}
          {SAMPLE_SUMMARIES.map((file, i) => (
            <a key={file} href={`examples/${file}`} download={file} style={{ color: "#FFF", marginLeft: 6 }}>
              {t("ui.demo.summary", { n: i + 1 }, locale)}
            </a>
          ))}
        </span>
      </div>
      {notice && (
        <div
          role={notice.kind === "failed" ? "alert" : "status"}
          style={{ padding: "6px 12px", fontSize: 13, flexShrink: 0, background: notice.kind === "failed" ? "#FDE7E9" : "#F3F3F3", color: notice.kind === "failed" ? "#A4262C" : "#333", borderBottom: "1px solid #CCC" }}
        >
          {notice.text}
        </div>
      )}
    </>
  );
}
