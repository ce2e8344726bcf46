import { jsonBytes } from "../office/text";
import type { XlBorder, XlConditionalFormat } from "../office/excel-api";
import type { ConditionalFormatData, SheetData } from "./cells";
import { writeOnly, type MemoryContext } from "./context";
import { MemoryOfficeError, notLoaded } from "./errors";

/** A conditional format made by `conditionalFormats.add`; its settings apply once it exists at sync. */
export class MemoryConditionalFormat implements XlConditionalFormat {
  private data: ConditionalFormatData | null = null;
  private sheet: SheetData | null = null;

  constructor(private readonly context: MemoryContext) {}

  bind(sheet: SheetData, data: ConditionalFormatData): void {
    this.sheet = sheet;
    this.data = data;
  }

  private set(bytes: unknown, fn: (data: ConditionalFormatData, sheet: SheetData) => void): void {
    this.context.enqueue(jsonBytes(bytes), () => {
      if (!this.data || !this.sheet) throw new MemoryOfficeError("ItemNotFound", "The conditional format does not exist.");
      fn(this.data, this.sheet);
    });
  }

  get priority(): number {
    throw notLoaded("priority");
  }
  set priority(value: number) {
    this.set(value, (data, sheet) => {
      const list = sheet.conditionalFormats.filter((cf) => cf !== data);
      list.splice(Math.max(0, Math.min(value, list.length)), 0, data);
      sheet.conditionalFormats = list;
    });
  }
  get stopIfTrue(): boolean {
    throw notLoaded("stopIfTrue");
  }
  set stopIfTrue(value: boolean) {
    this.set(value, (data) => (data.stopIfTrue = value));
  }

  readonly custom = {
    rule: writeOnly<{ formula: string }>({ formula: (formula: string) => this.set(formula, (data) => (data.formula = formula)) }),
    format: {
      fill: writeOnly<{ color: string }>({ color: (color: string) => this.set(color, (data) => (data.fill = color)) }),
      font: writeOnly<{ color: string; bold: boolean }>({
        color: (color: string) => this.set(color, (data) => (data.font = color)),
        bold: (bold: boolean) => this.set(bold, (data) => (data.bold = bold)),
      }),
      // the four edges alike: a line drawn with a style, in a colour when one is given
      borders: {
        getItem: () =>
          writeOnly<XlBorder>({
            style: (style: string) => this.set(style, (data) => (data.border = style === "None" ? null : (data.border ?? "#000000"))),
            color: (color: string) => this.set(color, (data) => (data.border = color)),
          }),
      },
    },
  };
}
