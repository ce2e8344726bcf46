import type { XlWorkbook } from "../office/excel-api";
import { MemoryObject } from "./context";
import { invalidArgument } from "./errors";
import { MemoryWorksheetCollection } from "./worksheet";

/** `workbook.protection`: whether the workbook's structure is protected (ExcelApi 1.7). */
class MemoryWorkbookProtection extends MemoryObject {
  protected scalarProperties(): string[] {
    return ["protected"];
  }
  protected snapshot(property: string): unknown {
    if (property !== "protected") throw invalidArgument(`The property '${property}' does not exist on WorkbookProtection.`);
    return this.context.book.structureProtected;
  }
  get protected(): boolean {
    return this.read("protected");
  }
}

/** `context.workbook`: its sheets, its protection and whether it is open read-only (ExcelApi 1.8). */
export class MemoryWorkbookProxy extends MemoryObject implements XlWorkbook {
  readonly worksheets = new MemoryWorksheetCollection(this.context);
  readonly protection = new MemoryWorkbookProtection(this.context);

  protected scalarProperties(): string[] {
    return this.context.book.isSetSupported("ExcelApi", "1.8") ? ["readOnly"] : [];
  }

  protected snapshot(property: string): unknown {
    // an Excel older than the property's requirement set does not know it
    if (property !== "readOnly" || !this.context.book.isSetSupported("ExcelApi", "1.8")) {
      throw invalidArgument(`The property '${property}' does not exist on Workbook.`, "Workbook.load");
    }
    return this.context.book.readOnly;
  }

  get readOnly(): boolean {
    return this.read("readOnly");
  }
}
