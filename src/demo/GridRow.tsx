import { useRef, type CSSProperties, type ReactNode } from "react";
import { HIGHLIGHT_COLOURS } from "../engine/plan/types";
import type { SheetData } from "../hosts/memory/cells";
import type { MemoryWorkbook } from "../hosts/memory/workbook";
import { columnLetter } from "../taskpane/mapping";
import { displayText } from "./display";
import { ROW_HEIGHT, type MergeIndex } from "./gridLayout";

export const cellStyle: CSSProperties = {
  borderRight: "1px solid #E1E1E1",
  borderBottom: "1px solid #E1E1E1",
  padding: "0 4px",
  height: ROW_HEIGHT - 1,
  whiteSpace: "nowrap",
  overflow: "hidden",
  textOverflow: "ellipsis",
  fontSize: 13,
  boxSizing: "border-box",
};
export const headStyle: CSSProperties = { ...cellStyle, background: "#F3F3F3", color: "#555", textAlign: "center", fontWeight: 400 };

export interface RowContext {
  book: MemoryWorkbook;
  sheet: string;
  data: SheetData | undefined;
  colCount: number;
  merges: MergeIndex;
  /** Rendered rows of this row's section, for clipping merged areas. */
  from: number;
  to: number;
  hasFormats: boolean;
  selected: string | null;
  /** px from the top where a frozen row sticks, or null for a scrolling row. */
  stickTop: number | null;
  /** Column A stays in view when scrolling sideways. */
  freezeColumnA: boolean;
  /** Column widths in px. */
  widths: readonly number[];
  /** Width of the row-number column in px. */
  numbers: number;
  /** The cell being typed into (A1), if any. */
  editing: string | null;
  /** Typing ended: the new text, or null when Esc gave up. */
  onEditDone(address: string, text: string | null): void;
}

/** A cell being typed into, as in Excel: Enter or leaving the cell keeps a changed text, Esc gives up. */
function CellEditor({ address, initial, onDone }: { address: string; initial: string; onDone(address: string, text: string | null): void }) {
  const done = useRef(false);
  const finish = (text: string | null) => {
    if (done.current) return;
    done.current = true;
    // text left as shown is not written back (a date or a percentage would turn into its display text)
    onDone(address, text === initial ? null : text);
  };
  return (
    <input
      autoFocus
      aria-label={address}
      defaultValue={initial}
      onFocus={(e) => e.currentTarget.select()}
      onKeyDown={(e) => {
        if (e.key === "Enter") finish(e.currentTarget.value);
        else if (e.key === "Escape") finish(null);
      }}
      onBlur={(e) => finish(e.currentTarget.value)}
      style={{ width: "100%", height: "100%", boxSizing: "border-box", border: "none", outline: "none", padding: 0, font: "inherit", background: "#FFF", color: "#000" }}
    />
  );
}

/** Rough width of a text in the grid's 13 px font: CJK characters are square, others about half. */
export function textWidth(text: string): number {
  let px = 8;
  for (const ch of text) px += ch.codePointAt(0)! >= 0x2e80 ? 13 : 7.5;
  return px;
}

/**
 * How many columns a text spills over, as Excel lets a long text run on over empty cells to its
 * right (a title or a note in a narrow column A stays readable and never widens the column).
 */
function spillSpan(ctx: RowContext, row: number, col: number, text: string): number {
  let room = ctx.widths[col] ?? 0;
  const needed = textWidth(text);
  let span = 1;
  while (room < needed && col + span < ctx.colCount) {
    const next = col + span;
    const neighbour = ctx.data?.get(row, next);
    const selected = ctx.selected === `${columnLetter(next)}${row + 1}`;
    if ((neighbour && neighbour.value !== null) || selected || ctx.merges.at(row, next, ctx.from, ctx.to) !== null) break;
    room += ctx.widths[next] ?? 0;
    span++;
  }
  return span;
}

/** One sheet row: its number, then its cells coloured as Excel would show them. */
export function GridRow({ row, ctx }: { row: number; ctx: RowContext }) {
  const { data, merges, stickTop } = ctx;
  const frozen = stickTop !== null;
  const cells: ReactNode[] = [];
  for (let c = 0; c < ctx.colCount; c++) {
    const merge = merges.at(row, c, ctx.from, ctx.to);
    if (merge === "covered") continue;
    const cell = data?.get(row, c);
    const address = `${columnLetter(c)}${row + 1}`;
    const text = displayText(cell?.value ?? null, cell?.numberFormat);
    const editing = address === ctx.editing;
    const spill = !merge && !editing && typeof cell?.value === "string" ? spillSpan(ctx, row, c, text) : 1;
    const highlight = ctx.hasFormats && text !== "" ? ctx.book.highlightAt(ctx.sheet, address) : null;
    const colours = highlight ? HIGHLIGHT_COLOURS[highlight] : null;
    const stickLeft = ctx.freezeColumnA && c === 0 && (!merge || merge.colSpan === 1) && spill === 1;
    const style: CSSProperties = {
      ...cellStyle,
      background: colours?.fill ?? cell?.fill ?? (frozen || stickLeft ? "#FFF" : undefined),
      color: colours?.font ?? cell?.fontColor ?? undefined,
      fontWeight: cell?.bold || (frozen && text !== "") ? 600 : undefined,
      textAlign: merge && merge.colSpan > 1 ? "center" : typeof cell?.value === "number" ? "right" : "left",
      ...(spill > 1 ? { borderRight: "none" } : {}),
      outline: address === ctx.selected || editing ? "2px solid #217346" : undefined,
      outlineOffset: -2,
      ...(frozen || stickLeft ? { position: "sticky" as const } : {}),
      ...(frozen ? { top: stickTop } : {}),
      ...(stickLeft ? { left: ctx.numbers, borderRight: "2px solid #C8C8C8" } : {}),
      zIndex: frozen && stickLeft ? 4 : frozen ? 3 : stickLeft ? 1 : undefined,
    };
    cells.push(
      <td
        key={c}
        data-cell={address}
        data-highlight={highlight ?? undefined}
        title={text.length > 8 ? text : undefined}
        rowSpan={merge && merge.rowSpan > 1 ? merge.rowSpan : undefined}
        colSpan={merge && merge.colSpan > 1 ? merge.colSpan : spill > 1 ? spill : undefined}
        style={style}
      >
        {editing ? <CellEditor address={address} initial={text} onDone={ctx.onEditDone} /> : text}
      </td>,
    );
    c += spill - 1;
  }
  return (
    <tr style={{ height: ROW_HEIGHT }} data-row={row + 1}>
      <th scope="row" style={{ ...headStyle, position: "sticky", left: 0, top: frozen ? stickTop : undefined, zIndex: frozen ? 5 : 2 }}>
        {row + 1}
      </th>
      {cells}
    </tr>
  );
}
