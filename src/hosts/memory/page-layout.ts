import { parseRect } from "../office/address";
import { jsonBytes } from "../office/text";
import type { XlPageLayout, XlRange } from "../office/excel-api";
import type { PageLayoutData, SheetData } from "./cells";
import { writeOnly, type MemoryContext } from "./context";
import { apiNotFound, invalidArgument } from "./errors";
import type { MemoryRange } from "./range";

const PAPER = new Set(["A3", "A4", "A5", "B4", "B5", "Letter", "Legal"]);

/** Whether zoom options are ones Excel takes: a scale of 10–400, or whole pages (0 = as many as needed). */
function validZoom(zoom: PageLayoutData["zoom"]): boolean {
  if (!zoom || typeof zoom !== "object") return false;
  const { scale, horizontalFitToPages: wide, verticalFitToPages: tall } = zoom;
  if (scale !== undefined) return wide === undefined && tall === undefined && Number.isFinite(scale) && scale >= 10 && scale <= 400;
  const pages = (n: number | undefined) => n === undefined || (Number.isInteger(n) && n >= 0);
  return (wide !== undefined || tall !== undefined) && pages(wide) && pages(tall);
}

/**
 * `worksheet.pageLayout` (ExcelApi 1.9): orientation, paper, zoom (scale or fit to pages),
 * centring, the centre footer and the print title rows, each write one operation queued and
 * applied at sync, refused like Excel when the value is not one it takes and, in an Excel
 * without ExcelApi 1.9, failing with ApiNotFound.
 */
export function pageLayout(context: MemoryContext, sheetOf: () => SheetData): XlPageLayout {
  const set = (location: string, value: unknown, apply: (layout: PageLayoutData) => void) =>
    context.enqueueAt(location, jsonBytes(value ?? null), () => {
      if (!context.book.isSetSupported("ExcelApi", "1.9")) throw apiNotFound(location);
      apply(sheetOf().pageLayout);
      context.book.counters.formatOps++;
    });
  const layout = writeOnly<XlPageLayout>({
    orientation: (value: string) =>
      set("PageLayout.orientation", value, (l) => {
        if (value !== "Portrait" && value !== "Landscape") throw invalidArgument(`The orientation “${value}” is not valid.`, "PageLayout.orientation");
        l.orientation = value;
      }),
    paperSize: (value: string) =>
      set("PageLayout.paperSize", value, (l) => {
        if (!PAPER.has(value)) throw invalidArgument(`The paper size “${value}” is not valid.`, "PageLayout.paperSize");
        l.paperSize = value;
      }),
    zoom: (value: PageLayoutData["zoom"]) =>
      set("PageLayout.zoom", value, (l) => {
        if (!validZoom(value)) throw invalidArgument("The zoom options are not valid.", "PageLayout.zoom");
        l.zoom = { ...value };
      }),
    centerHorizontally: (value: boolean) => set("PageLayout.centerHorizontally", value, (l) => (l.centerHorizontally = value)),
  });
  const footer = writeOnly<{ centerFooter: string }>({
    centerFooter: (text: string) => set("HeaderFooter.centerFooter", text, (l) => (l.centerFooter = text)),
  });
  Object.defineProperty(layout, "headersFooters", { value: { defaultForAllPages: footer }, enumerable: true });
  Object.defineProperty(layout, "setPrintTitleRows", {
    enumerable: true,
    value: (rows: XlRange | string) =>
      set("PageLayout.setPrintTitleRows", typeof rows === "string" ? rows : 0, (l) => {
        const text = typeof rows === "string" ? rows : ((rows as MemoryRange).target()?.rect ? `$${(rows as MemoryRange).target()!.rect.top + 1}:$${(rows as MemoryRange).target()!.rect.bottom + 1}` : "");
        if (!/^\$?\d+:\$?\d+$/.test(text)) throw invalidArgument(`The print title rows “${text}” are not whole rows.`, "PageLayout.setPrintTitleRows");
        l.printTitleRows = text;
      }),
  });
  return layout;
}

/** `worksheet.horizontalPageBreaks` (ExcelApi 1.9): `add` puts a manual break above the range's top-left cell. */
export function horizontalPageBreaks(context: MemoryContext, sheetOf: () => SheetData): { add(range: XlRange | string): void } {
  return {
    add: (range: XlRange | string) =>
      context.enqueueAt("PageBreakCollection.add", typeof range === "string" ? range.length : 8, () => {
        if (!context.book.isSetSupported("ExcelApi", "1.9")) throw apiNotFound("PageBreakCollection.add");
        const sheet = sheetOf();
        const rect = typeof range === "string" ? parseRect(range) : ((range as MemoryRange).target()?.rect ?? null);
        if (!rect) throw invalidArgument(`The range “${String(range)}” is not valid.`, "PageBreakCollection.add");
        if (rect.top === 0) throw invalidArgument("A page break cannot go above the first row.", "PageBreakCollection.add");
        if (!sheet.pageBreaks.includes(rect.top)) sheet.pageBreaks.push(rect.top);
        context.book.counters.pageBreaks++;
      }),
  };
}
