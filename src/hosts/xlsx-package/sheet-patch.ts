import type { Readable } from "node:stream";
import { blockArea, rowEdit, type BlockEdit, type BlockStyles } from "./block-edit";
import { areaA1 } from "./cell-address";
import { highlightXml } from "./conditional-xml";
import { newRow, patchRow } from "./row-patch";
import { setColumnWidths, widenDimension } from "./sheet-head";
import { isOldHighlight, maxPriority, patchMergeCells, tailRank, type TailEdit } from "./sheet-tail";
import { TextSource } from "./text-source";
import { attribute, setAttribute } from "./xml-text";

/** Collects output text and hands it on in pieces of a few hundred kilobytes. */
class Output {
  private parts: string[] = [];
  private size = 0;
  push(text: string): void {
    if (text.length === 0) return;
    this.parts.push(text);
    this.size += text.length;
  }
  get full(): boolean {
    return this.size >= 256 * 1024;
  }
  take(): Buffer {
    const out = Buffer.from(this.parts.join(""), "utf8");
    this.parts = [];
    this.size = 0;
    return out;
  }
}

function tailEdit(edit: BlockEdit, styles: BlockStyles, prefix: string): TailEdit {
  const { firstColumn: first, headerRow, rows, highlights } = edit.block;
  return {
    dropMerges: edit.dropMerges,
    addMerge: edit.groupHeader?.merge ?? null,
    clearFormats: { left: first, right: first + edit.width - 1, fromRow: headerRow },
    formats: (next) => {
      const priority = { next };
      return highlights.map((h) => highlightXml(first + h.column, headerRow + 1, headerRow + rows.length, h.rules, styles.dxf, priority, prefix)).join("");
    },
  };
}

const malformed = () => new Error("worksheet XML ends too early");

/**
 * Streams a worksheet with one result block written into it, row by row: our cells in the
 * block's columns (rows made where missing), column widths, the group header's merge, our
 * highlights, the dimension. Everything else passes through as it was written.
 */
export async function* patchSheet(stream: Readable, edit: BlockEdit, styles: BlockStyles): AsyncGenerator<Buffer> {
  const src = new TextSource(stream);
  const out = new Output();
  const root = await src.find("worksheet");
  await src.ensure(0, Math.max(root, 0) + 16);
  const prefix = /<([\w.-]+:)?worksheet\b/.exec(src.buf)?.[1] ?? "";
  const start = await src.find(`<${prefix}sheetData`);
  if (start < 0) {
    yield Buffer.from(await src.rest(), "utf8");
    return;
  }
  const startEnd = await src.tagEnd(start);
  if (startEnd < 0) throw malformed();
  const widths = new Map<number, number>();
  edit.block.widths.forEach((w, i) => {
    if (i < edit.block.headers.length && w > 0) widths.set(edit.block.firstColumn + i, w);
  });
  out.push(setColumnWidths(widenDimension(src.buf.slice(0, start), blockArea(edit)), widths, prefix));
  out.push(`<${prefix}sheetData>`);
  const emptyData = src.buf[startEnd - 2] === "/";
  src.pos = startEnd;

  let nextNew = edit.firstRow;
  const newRowsBefore = (row: number) => {
    for (; nextNew < row && nextNew <= edit.lastRow; nextNew++) {
      const e = rowEdit(edit, nextNew, styles);
      if (e) out.push(newRow(nextNew, e, prefix));
    }
    if (row + 1 > nextNew) nextNew = row + 1;
  };

  let lastRow = -1;
  const rowOpen = `<${prefix}row`;
  const rowClose = `</${prefix}row>`;
  for (;;) {
    if (emptyData) break;
    const lt = await src.find("<");
    if (lt < 0) throw malformed();
    out.push(src.buf.slice(src.pos, lt));
    await src.ensure(lt, rowOpen.length + 12);
    if (src.buf.startsWith(`</${prefix}sheetData`, lt)) {
      const end = await src.tagEnd(lt);
      if (end < 0) throw malformed();
      src.pos = end;
      break;
    }
    const gt = await src.tagEnd(lt);
    if (gt < 0) throw malformed();
    const after = src.buf[lt + rowOpen.length];
    if (!src.buf.startsWith(rowOpen, lt) || !/[\s/>]/.test(after)) {
      out.push(src.buf.slice(lt, gt));
      src.pos = gt;
      continue;
    }
    const tag = src.buf.slice(lt, gt);
    let inner = "";
    let end = gt;
    let endTag = "";
    if (!tag.endsWith("/>")) {
      const close = await src.find(rowClose, gt);
      if (close < 0) throw malformed();
      inner = src.buf.slice(gt, close);
      end = close + rowClose.length;
      endTag = rowClose;
    }
    const r = attribute(tag, "r");
    const row = r !== undefined && Number.isFinite(parseInt(r, 10)) ? parseInt(r, 10) - 1 : lastRow + 1;
    lastRow = row;
    newRowsBefore(row);
    const e = rowEdit(edit, row, styles);
    if (e) out.push(patchRow(tag, inner, endTag, row, e, prefix));
    else out.push((r === undefined ? setAttribute(tag, "r", String(row + 1)) : tag) + inner + endTag);
    src.pos = end;
    src.compact();
    if (out.full) yield out.take();
  }
  newRowsBefore(edit.lastRow + 1);
  out.push(`</${prefix}sheetData>`);
  yield* patchTail(src, out, tailEdit(edit, styles, prefix), prefix);
}

/** The elements after sheetData, one at a time: merges and conditional formats edited, ours put in their place. */
async function* patchTail(src: TextSource, out: Output, edit: TailEdit, prefix: string): AsyncGenerator<Buffer> {
  let mergesDone = !edit.addMerge;
  let formatsDone = false;
  let priority = 0;
  const mergeXml = (area: { top: number; left: number; bottom: number; right: number }) => `<${prefix}mergeCell ref="${areaA1(area)}"/>`;
  const flush = (rank: number) => {
    if (!mergesDone && rank > tailRank("mergeCells")) {
      out.push(`<${prefix}mergeCells count="1">${mergeXml(edit.addMerge!)}</${prefix}mergeCells>`);
      mergesDone = true;
    }
    if (!formatsDone && rank > tailRank("conditionalFormatting")) {
      out.push(edit.formats(priority + 1));
      formatsDone = true;
    }
  };
  for (;;) {
    const lt = await src.find("<");
    if (lt < 0) {
      out.push(src.buf.slice(src.pos));
      break;
    }
    out.push(src.buf.slice(src.pos, lt));
    src.pos = lt;
    await src.ensure(lt, 64);
    if (src.buf.startsWith("</", lt)) {
      flush(Infinity);
      out.push(await src.rest());
      break;
    }
    const gt = await src.tagEnd(lt);
    if (gt < 0) throw malformed();
    const name = /^<([\w.:-]+)/.exec(src.buf.slice(lt, gt))?.[1];
    if (!name) {
      // a comment or processing instruction
      const close = src.buf.startsWith("<!--", lt) ? await src.find("-->", lt) : gt - 3;
      const end = close < 0 ? gt : close + 3;
      out.push(src.buf.slice(lt, end));
      src.pos = end;
      continue;
    }
    const local = name.slice(name.indexOf(":") + 1);
    const rank = tailRank(local);
    if (rank >= 0) flush(rank);
    const end = src.buf[gt - 2] === "/" ? gt : await elementEnd(src, name, gt);
    const element = src.buf.slice(lt, end);
    src.pos = end;
    if (local === "mergeCells") {
      out.push(patchMergeCells(element, edit, mergeXml));
      mergesDone = true;
    } else if (local === "conditionalFormatting") {
      if (!(edit.clearFormats && isOldHighlight(element, edit.clearFormats))) {
        out.push(element);
        priority = Math.max(priority, maxPriority(element));
      }
    } else out.push(element);
    src.compact();
    if (out.full) yield out.take();
  }
  yield out.take();
}

/** Index just past the end tag of the element named `name` whose start tag ends at `from`. */
async function elementEnd(src: TextSource, name: string, from: number): Promise<number> {
  const close = `</${name}>`;
  let depth = 1;
  let at = from;
  for (;;) {
    const next = await src.find(close, at);
    if (next < 0) throw malformed();
    for (const m of src.buf.slice(at, next).matchAll(new RegExp(`<${name.replace(/[.]/g, "\\.")}[\\s>]`, "g"))) if (m) depth++;
    if (--depth === 0) return next + close.length;
    at = next + close.length;
  }
}
