import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { Rect } from "../hosts/office/address";
import type { MemoryWorkbook } from "../hosts/memory/workbook";
import { columnLetter } from "../taskpane/mapping";
import {
  columnOffsets,
  columnPixels,
  frozenRowCount,
  MergeIndex,
  OVERSCAN,
  ROW_HEIGHT,
  rowNumberWidth,
  scrollLeftFor,
  visibleRows,
  withFillerColumns,
} from "./gridLayout";
import { GridRow, headStyle, type RowContext } from "./GridRow";

export { VIRTUALISE_ABOVE } from "./gridLayout";

interface Props {
  book: MemoryWorkbook;
  sheet: string;
  /** Bumped whenever the workbook changed, so the grid re-reads it. */
  version: number;
  selected: string | null;
  onSheetChange(sheet: string): void;
  /** Merged areas of this sheet (0-based), as the loaded file had them. */
  merges?: readonly Rect[];
  /** Rows down to and including the recognised header row, kept in view when scrolling. */
  headerRowsAbove?: number;
  /** Scroll sideways so this column of that sheet comes first after the frozen ones (once per nonce). */
  scrollTo?: { sheet: string; column: number; nonce: number } | null;
  label: string;
  /** A double-clicked cell was typed into (A1 address, the text as typed); without it the grid is read-only. */
  onEdit?(cell: string, text: string): void;
  /** A double-clicked sheet tab was given a new name, as in Excel; without it the tabs cannot be renamed. */
  onRename?(from: string, to: string): void;
  /** The accessible name of a tab's name box while it is renamed. */
  renameLabel?(sheet: string): string;
}

const NO_MERGES: readonly Rect[] = [];
/** Scroll positions are kept in steps of this many rows: fewer renders, the overscan covers the rest. */
const SCROLL_STEP = Math.max(1, Math.floor(OVERSCAN / 3)) * ROW_HEIGHT;

/**
 * A read-only view of one sheet of the memory workbook, coloured by its conditional formats, rows
 * virtualised. Like Excel, each sheet keeps its own scroll position; a sheet first shown starts at A1.
 */
export function GridView({
  book,
  sheet,
  version,
  selected,
  onSheetChange,
  merges = NO_MERGES,
  headerRowsAbove,
  scrollTo,
  label,
  onEdit,
  onRename,
  renameLabel = (name) => name,
}: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const positions = useRef(new Map<string, { top: number; left: number }>());
  const scrolledFor = useRef<number | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [editing, setEditing] = useState<{ sheet: string; cell: string } | null>(null);
  const [viewport, setViewport] = useState({ height: 800, width: 1000 });
  const data = book.sheet(sheet);
  // the used range walks every cell: once per change of the workbook, not once per scroll
  const rect = useMemo(() => data?.usedRect(false) ?? null, [data, version]);
  const rowCount = rect ? rect.bottom + 1 : 0;
  const colCount = rect ? rect.right + 1 : 0;
  const usedWidths = useMemo(
    () => columnPixels(data?.columnWidths ?? new Map(), colCount),
    [data, colCount, version]
  );
  const numbers = rowNumberWidth(rowCount);
  const widths = useMemo(
    () => withFillerColumns(usedWidths, viewport.width - numbers),
    [usedWidths, viewport.width, numbers]
  );
  const offsets = useMemo(() => columnOffsets(widths, numbers), [widths, numbers]);
  const mergeIndex = useMemo(() => new MergeIndex(merges), [merges]);
  const frozen = frozenRowCount(data?.frozenRows ?? 0, headerRowsAbove, rowCount);
  const freezeColumnA = colCount > 1 && (widths[0] ?? 0) <= 160;
  const frozenWidth = numbers + (freezeColumnA ? widths[0] : 0);
  const { first, last } = visibleRows(rowCount, frozen, scrollTop, viewport.height);
  const hasFormats = (data?.conditionalFormats.length ?? 0) > 0;

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () =>
      setViewport({ height: el.clientHeight || 800, width: el.clientWidth || 1000 });
    measure();
    if (typeof ResizeObserver !== "function") return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // declared first: the selection and scrollTo below move on from the restored position
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const at = positions.current.get(sheet.toLowerCase()) ?? { top: 0, left: 0 };
    el.scrollTop = at.top;
    el.scrollLeft = at.left;
    setScrollTop(Math.floor(at.top / SCROLL_STEP) * SCROLL_STEP);
  }, [sheet]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !selected) return;
    const row = Number(/\d+$/.exec(selected)?.[0] ?? 1) - 1;
    const col = Math.max(
      0,
      (/^[A-Z]+/.exec(selected)?.[0] ?? "A")
        .split("")
        .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1
    );
    const headerHeight = (frozen + 1) * ROW_HEIGHT;
    if (row >= frozen)
      el.scrollTop = Math.max(
        0,
        (row - frozen) * ROW_HEIGHT - (el.clientHeight - headerHeight) / 2
      );
    const left = offsets[col] ?? 0;
    if (
      left < el.scrollLeft + frozenWidth ||
      left + (widths[col] ?? 0) > el.scrollLeft + el.clientWidth
    )
      el.scrollLeft = scrollLeftFor(offsets, col, frozenWidth);
    setScrollTop(el.scrollTop);
  }, [selected, sheet, version]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (
      !el ||
      !scrollTo ||
      scrollTo.nonce === scrolledFor.current ||
      scrollTo.sheet.toLowerCase() !== sheet.toLowerCase()
    )
      return;
    scrolledFor.current = scrollTo.nonce;
    el.scrollLeft = scrollLeftFor(offsets, scrollTo.column, frozenWidth);
  }, [scrollTo, sheet]);

  const context = (stickTop: number | null, from: number, to: number): RowContext => ({
    book,
    sheet,
    data,
    colCount: widths.length,
    merges: mergeIndex,
    from,
    to,
    hasFormats,
    selected,
    stickTop,
    freezeColumnA,
    widths,
    numbers,
    editing: editing && editing.sheet === sheet ? editing.cell : null,
    onEditDone: (cell, text) => {
      setEditing(null);
      if (text !== null) onEdit?.(cell, text);
    },
  });
  const frozenRows = Array.from({ length: frozen }, (_, r) => (
    <GridRow key={r} row={r} ctx={context((r + 1) * ROW_HEIGHT, 0, frozen - 1)} />
  ));
  const bodyContext = context(null, first, last);
  const bodyRows = [];
  for (let r = first; r <= last; r++) bodyRows.push(<GridRow key={r} row={r} ctx={bodyContext} />);

  return (
    <div style={{ display: "flex", flexDirection: "column", height: "100%", minHeight: 0 }}>
      <div
        ref={scroller}
        onScroll={(e) => {
          positions.current.set(sheet.toLowerCase(), {
            top: e.currentTarget.scrollTop,
            left: e.currentTarget.scrollLeft,
          });
          const top = Math.floor(e.currentTarget.scrollTop / SCROLL_STEP) * SCROLL_STEP;
          if (top !== scrollTop) setScrollTop(top);
        }}
        style={{ flex: 1, overflow: "auto", minHeight: 0, position: "relative" }}
        data-testid="grid"
        data-rows={rowCount}
        data-frozen={frozen}
      >
        <table
          style={{
            borderCollapse: "separate",
            borderSpacing: 0,
            tableLayout: "fixed",
            width: offsets[offsets.length - 1],
          }}
          aria-label={label}
          onDoubleClick={(e) => {
            const cell = (e.target as HTMLElement).closest<HTMLElement>("td[data-cell]")?.dataset
              .cell;
            if (cell && onEdit) setEditing({ sheet, cell });
          }}
        >
          <colgroup>
            <col style={{ width: numbers }} />
            {widths.map((w, c) => (
              <col key={c} style={{ width: w }} />
            ))}
          </colgroup>
          <thead>
            <tr style={{ height: ROW_HEIGHT }}>
              <th style={{ ...headStyle, position: "sticky", top: 0, left: 0, zIndex: 6 }} />
              {widths.map((_, c) => (
                <th
                  key={c}
                  scope="col"
                  style={{
                    ...headStyle,
                    position: "sticky",
                    top: 0,
                    zIndex: c === 0 && freezeColumnA ? 6 : 5,
                    ...(c === 0 && freezeColumnA ? { left: numbers } : {}),
                  }}
                >
                  {columnLetter(c)}
                </th>
              ))}
            </tr>
            {frozenRows}
          </thead>
          <tbody>
            {first > frozen && <tr aria-hidden style={{ height: (first - frozen) * ROW_HEIGHT }} />}
            {bodyRows}
            {last < rowCount - 1 && (
              <tr aria-hidden style={{ height: (rowCount - 1 - last) * ROW_HEIGHT }} />
            )}
          </tbody>
        </table>
      </div>
      <SheetTabs book={book} sheet={sheet} onSheetChange={onSheetChange} onRename={onRename} renameLabel={renameLabel} />
    </div>
  );
}

function SheetTabs({
  book,
  sheet,
  onSheetChange,
  onRename,
  renameLabel,
}: {
  book: MemoryWorkbook;
  sheet: string;
  onSheetChange(sheet: string): void;
  onRename?(from: string, to: string): void;
  renameLabel(sheet: string): string;
}) {
  const [renaming, setRenaming] = useState<string | null>(null);
  return (
    <div
      role="tablist"
      aria-label="sheets"
      style={{
        display: "flex",
        gap: 2,
        borderTop: "1px solid #CCC",
        background: "#F3F3F3",
        overflowX: "auto",
        flexShrink: 0,
      }}
    >
      {book.sheets
        .filter((s) => s.visibility === "Visible")
        .map((s) =>
          renaming === s.name && onRename ? (
            <TabNameEditor
              key={s.id}
              name={s.name}
              label={renameLabel(s.name)}
              onDone={(to) => {
                setRenaming(null);
                if (to !== null && to !== s.name) onRename(s.name, to);
              }}
            />
          ) : (
            <button
              key={s.id}
              role="tab"
              type="button"
              aria-selected={s.name === sheet}
              onClick={() => onSheetChange(s.name)}
              onDoubleClick={() => onRename && setRenaming(s.name)}
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
          ),
        )}
    </div>
  );
}

/** A sheet tab's name being typed, as in Excel: Enter or leaving the box renames, Esc gives up. */
function TabNameEditor({ name, label, onDone }: { name: string; label: string; onDone(to: string | null): void }) {
  const done = useRef(false);
  const finish = (to: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(to === null ? null : to.trim());
  };
  return (
    <input
      autoFocus
      aria-label={label}
      defaultValue={name}
      onFocus={(e) => e.currentTarget.select()}
      onKeyDown={(e) => {
        if (e.key === "Enter") finish(e.currentTarget.value);
        else if (e.key === "Escape") finish(null);
      }}
      onBlur={(e) => finish(e.currentTarget.value)}
      style={{ padding: "6px 12px", font: "inherit", width: `${Math.max(6, name.length + 2)}em`, border: "1px solid #217346" }}
    />
  );
}
