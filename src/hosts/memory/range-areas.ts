import { qualified, type Rect } from "../office/address";
import type { XlRangeAreas } from "../office/excel-api";
import type { SheetData } from "./cells";
import { MemoryObject, type MemoryContext } from "./context";
import { invalidArgument } from "./errors";
import { MemoryRange } from "./range";
import type { MemoryWorksheet } from "./worksheet";

interface AreasTarget {
  sheet: SheetData;
  rects: Rect[];
}

/** `areas` of a RangeAreas: its rectangles as ranges whose scalar properties come loaded. */
class MemoryAreaCollection extends MemoryObject {
  constructor(
    context: MemoryContext,
    private readonly owner: MemoryRangeAreas,
  ) {
    super(context);
  }

  protected scalarProperties(): string[] {
    return ["items"];
  }

  /** Any load ("items/address", nothing) loads the items with their scalars. */
  override load(): this {
    return super.load(["items"]);
  }

  protected snapshot(): unknown {
    const t = this.owner.target(true);
    return t ? t.rects.map((rect) => MemoryRange.loaded(this.context, this.owner.worksheet, t.sheet, rect)) : [];
  }

  get items(): MemoryRange[] {
    return this.read("items");
  }
}

/**
 * A RangeAreas proxy (merged areas, special cells) made by an *OrNullObject method: its
 * rectangles are found once, when the call runs at sync; none makes it a null object.
 */
export class MemoryRangeAreas extends MemoryObject implements XlRangeAreas {
  private resolved: AreasTarget | null | undefined;
  readonly areas: MemoryAreaCollection;

  constructor(
    context: MemoryContext,
    readonly worksheet: MemoryWorksheet,
    private readonly locate: () => AreasTarget | null,
  ) {
    super(context);
    this.areas = new MemoryAreaCollection(context, this);
    this.settle("isNullObject", () => this.target(true) === null);
  }

  target(nullable = false): AreasTarget | null {
    if (this.resolved === undefined) this.resolved = this.locate();
    if (this.resolved === null && !nullable) throw invalidArgument("The object is a null object.");
    return this.resolved;
  }

  protected scalarProperties(): string[] {
    return ["address", "areaCount", "cellCount"];
  }

  protected snapshot(property: string): unknown {
    const t = this.target(true);
    if (!t) return null;
    switch (property) {
      case "address":
        return t.rects.map((rect) => qualified(t.sheet.name, rect)).join(",");
      case "areaCount":
        return t.rects.length;
      case "cellCount":
        return t.rects.reduce((sum, r) => sum + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0);
      default:
        throw invalidArgument(`The property '${property}' does not exist on RangeAreas.`);
    }
  }

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }
}
