import { useEffect, useRef, useState, type CSSProperties } from "react";
import { HIGHLIGHT_COLOURS } from "../engine/plan/types";
import type { MemoryWorkbook } from "../hosts/memory/workbook";
import { columnLetter } from "../taskpane/mapping";
import { displayText } from "./display";

const ROW_HEIGHT = 24;
/** Above this many rows only the visible ones (plus a margin) are rendered. */
export const VIRTUALISE_ABOVE = 2000;
const OVERSCAN = 20;

interface Props {
  book: MemoryWorkbook;
  sheet: string;
  /** Bumped whenever the workbook changed, so the grid re-reads it. */
  version: number;
  selected: string | null;
  onSheetChange(sheet: string): void;
}

const cellStyle: CSSProperties = {
  border: "1px solid #E1E1E1",
  padding: "0 4px",
  height: ROW_HEIGHT - 1,
  whiteSpace: "nowrap",
  overflow: "hidden",
  textOverflow: "ellipsis",
  maxWidth: 240,
  fontSize: 13,
};
const headStyle: CSSProperties = { ...cellStyle, background: "#F3F3F3", color: "#555", textAlign: "center", position: "sticky", top: 0, zIndex: 1 };

/** A read-only view of one sheet of the memory workbook, coloured by its conditional formats. */
export function GridView({ book, sheet, version, selected, onSheetChange }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(800);
  const data = book.sheet(sheet);
  const rect = data?.usedRect(false) ?? null;
  const rowCount = rect ? rect.bottom + 1 : 0;
  const colCount = rect ? rect.right + 1 : 0;
  const virtual = rowCount > VIRTUALISE_ABOVE;
  const first = virtual ? Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN) : 0;
  const last = virtual ? Math.min(rowCount - 1, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN) : rowCount - 1;
  const hasFormats = (data?.conditionalFormats.length ?? 0) > 0;

  useEffect(() => {
    const el = scroller.current;
    if (el) setViewport(el.clientHeight || 800);
  }, [sheet]);

  useEffect(() => {
    const el = scroller.current;
    if (!el || !selected) return;
    const row = Number(/\d+$/.exec(selected)?.[0] ?? 1) - 1;
    el.scrollTop = Math.max(0, row * ROW_HEIGHT - el.clientHeight / 2);
    el.querySelector(`[data-cell="${selected}"]`)?.scrollIntoView?.({ block: "center", inline: "center" });
  }, [selected, sheet, version]);

  const rows = [];
  for (let r = first; r <= last; r++) {
    const cells = [];
    for (let c = 0; c < colCount; c++) {
      const cell = data?.get(r, c);
      const address = `${columnLetter(c)}${r + 1}`;
      const text = displayText(cell?.value ?? null, cell?.numberFormat);
      const highlight = hasFormats && text !== "" ? book.highlightAt(sheet, address) : null;
      const colours = highlight ? HIGHLIGHT_COLOURS[highlight] : null;
      const style: CSSProperties = {
        ...cellStyle,
        background: colours?.fill ?? cell?.fill ?? undefined,
        color: colours?.font ?? cell?.fontColor ?? undefined,
        fontWeight: cell?.bold ? 600 : undefined,
        textAlign: typeof cell?.value === "number" ? "right" : "left",
        outline: address === selected ? "2px solid #217346" : undefined,
      };
      cells.push(
        <td key={c} data-cell={address} data-highlight={highlight ?? undefined} title={text.length > 12 ? text : undefined} style={style}>
          {text}
        </td>,
      );
    }
    rows.push(
      <tr key={r} style={{ height: ROW_HEIGHT }}>
        <th style={{ ...headStyle, position: "sticky", left: 0, top: "auto" }}>{r + 1}</th>
        {cells}
      </tr>,
    );
  }

  return (
    <div style={{ display: "flex", flexDirection: "column", height: "100%", minHeight: 0 }}>
      <div ref={scroller} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} style={{ flex: 1, overflow: "auto", minHeight: 0 }} data-testid="grid">
        <table style={{ borderCollapse: "collapse", tableLayout: "auto" }} aria-label={sheet}>
          <thead>
            <tr>
              <th style={headStyle} />
              {Array.from({ length: colCount }, (_, c) => (
                <th key={c} style={headStyle}>
                  {columnLetter(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {virtual && first > 0 && <tr style={{ height: first * ROW_HEIGHT }} />}
            {rows}
            {virtual && last < rowCount - 1 && <tr style={{ height: (rowCount - 1 - last) * ROW_HEIGHT }} />}
          </tbody>
        </table>
      </div>
      <div role="tablist" aria-label="sheets" style={{ display: "flex", gap: 2, borderTop: "1px solid #CCC", background: "#F3F3F3", overflowX: "auto", flexShrink: 0 }}>
        {book.sheets.map((s) => (
          <button
            key={s.id}
            role="tab"
            type="button"
            aria-selected={s.name === sheet}
            onClick={() => onSheetChange(s.name)}
            style={{
              border: "none",
              borderBottom: s.name === sheet ? "3px solid #217346" : "3px solid transparent",
              background: s.name === sheet ? "#FFF" : "transparent",
              padding: "6px 12px",
              cursor: "pointer",
              whiteSpace: "nowrap",
              font: "inherit",
            }}
          >
            {s.name}
          </button>
        ))}
      </div>
    </div>
  );
}
