import type { XlNamedItem, XlNamedItemCollection, XlRange } from "../office/excel-api";
import type { NameData, SheetData } from "./cells";
import { MemoryObject, type MemoryContext } from "./context";
import { MemoryOfficeError, invalidArgument } from "./errors";
import type { MemoryRange } from "./range";
import { a1 } from "../../engine/address";

/** Excel's rule for a defined name: a letter, _ or \ first, then letters, digits, _ and .; never a cell address. */
const NAME = /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u;
const CELL_LIKE = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[RrCc])$/;

export function checkDefinedName(name: string): void {
  if (name.length > 255 || !NAME.test(name) || CELL_LIKE.test(name)) throw invalidArgument(`The name “${name}” is not valid.`);
}

/** 'Sheet'!$A$1:$B$2 for a range of a sheet. */
function referenceOf(range: MemoryRange, sheetName: string): string {
  const rect = range.target()!.rect;
  const abs = (row: number, col: number) => a1(row, col).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  const start = abs(rect.top, rect.left);
  const end = abs(rect.bottom, rect.right);
  return `=${quote(sheetName)}!${start === end ? start : `${start}:${end}`}`;
}

/** A sheet name as a reference writes it: quoted only when Excel would. */
export function quote(sheet: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** A formula as Excel stores it: a sheet reference quoted only where it must be ("='名单'!A1" → "=名单!A1"). */
function canonical(formula: string): string {
  const m = /^='((?:[^']|'')+)'!(.*)$/.exec(formula);
  return m ? `=${quote(m[1].replace(/''/g, "'"))}!${m[2]}` : formula;
}

/**
 * After a sheet is renamed, Excel rewrites every reference to it in defined names, wherever
 * they are scoped.
 */
export function renameInNames(sheets: readonly SheetData[], from: string, to: string): void {
  const quoted = `'${from.replace(/'/g, "''")}'!`;
  const bare = new RegExp(`(^=|[=,(\\s+*/-])${from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}!`, "gu");
  for (const sheet of sheets) {
    for (const item of sheet.names.values()) {
      item.formula = item.formula.split(quoted).join(`${quote(to)}!`).replace(bare, (_, before: string) => `${before}${quote(to)}!`);
    }
  }
}

class MemoryNamedItem extends MemoryObject implements XlNamedItem {
  constructor(
    context: MemoryContext,
    private readonly locate: () => NameData | null,
    private readonly nullable: boolean,
    private readonly addedHere: () => boolean,
  ) {
    super(context);
    this.settle("isNullObject", () => this.locate() === null);
  }

  private item(): NameData {
    const item = this.locate();
    if (!item) throw new MemoryOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return item;
  }

  protected scalarProperties(): string[] {
    return ["name", "formula", "value", "type", "visible"];
  }

  protected snapshot(property: string): unknown {
    const item = this.nullable ? this.locate() : this.item();
    if (!item) return null;
    const constant = /^="((?:[^"]|"")*)"$/.exec(item.formula);
    switch (property) {
      case "name":
        return item.name;
      case "formula":
        return item.formula;
      case "visible":
        return item.visible;
      case "type":
        return constant ? "String" : item.formula.includes("#REF!") ? "Error" : "Range";
      case "value":
        return constant ? constant[1].replace(/""/g, '"') : item.formula.slice(1);
      default:
        throw invalidArgument(`The property '${property}' does not exist on NamedItem.`);
    }
  }

  /** For items of an already-loaded collection. */
  preload(): void {
    this.setLoaded("isNullObject", false);
    for (const p of this.scalarProperties()) this.setLoaded(p, this.snapshot(p));
  }

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get name(): string {
    return this.read("name");
  }
  get formula(): string {
    return this.read("formula");
  }
  get visible(): boolean {
    return this.read("visible");
  }
  /**
   * Excel ignores hiding a name it did not just create in this batch (OfficeDev/office-js#3878,
   * #3949): the name stays visible, without an error.
   */
  set visible(visible: boolean) {
    this.context.enqueueAt("NamedItem.visible", 4, () => {
      const item = this.item();
      if (visible || this.addedHere()) item.visible = visible;
    });
  }

  delete(): void {
    this.context.enqueueAt("NamedItem.delete", 0, () => {
      const item = this.item();
      for (const sheet of this.context.book.sheets) if (sheet.names.get(item.name.toLowerCase()) === item) sheet.names.delete(item.name.toLowerCase());
    });
  }
}

/** A worksheet's `names` (ExcelApi 1.4): the defined names scoped to it. */
export class MemoryNamedItemCollection extends MemoryObject implements XlNamedItemCollection {
  constructor(
    context: MemoryContext,
    private readonly sheet: () => SheetData,
  ) {
    super(context);
  }

  protected scalarProperties(): string[] {
    return ["items"];
  }

  override load(): this {
    return super.load(["items"]);
  }

  private proxy(item: NameData, added = false): MemoryNamedItem {
    const proxy = new MemoryNamedItem(this.context, () => (this.sheet().names.get(item.name.toLowerCase()) === item ? item : null), false, () => added);
    return proxy;
  }

  protected snapshot(): unknown {
    return [...this.sheet().names.values()].map((item) => {
      const proxy = this.proxy(item);
      proxy.preload();
      return proxy;
    });
  }

  get items(): XlNamedItem[] {
    return this.read("items");
  }

  add(name: string, reference: XlRange | string, comment?: string): XlNamedItem {
    let created: NameData | null = null;
    this.context.enqueueAt("NamedItemCollection.add", name.length + (typeof reference === "string" ? reference.length : 20) + (comment?.length ?? 0), () => {
      checkDefinedName(name);
      const sheet = this.sheet();
      if (sheet.names.has(name.toLowerCase())) throw new MemoryOfficeError("ItemAlreadyExists", "A resource with the same name or identifier already exists.");
      const formula = typeof reference === "string" ? canonical(reference.startsWith("=") ? reference : `=${reference}`) : referenceOf(reference as MemoryRange, sheet.name);
      created = { name, formula, visible: true };
      sheet.names.set(name.toLowerCase(), created);
    });
    return new MemoryNamedItem(this.context, () => created, false, () => true);
  }

  getItem(name: string): XlNamedItem {
    return new MemoryNamedItem(this.context, () => this.sheet().names.get(name.toLowerCase()) ?? null, false, () => false);
  }

  getItemOrNullObject(name: string): XlNamedItem {
    return new MemoryNamedItem(this.context, () => this.sheet().names.get(name.toLowerCase()) ?? null, true, () => false);
  }
}
