import type { CellValue } from "exceljs";
import type { RawCell } from "../../engine/types";

/**
 * Turns an exceljs cell value into what the engine reads: rich text → its text, formula → its
 * cached result (or `{ formula }` when it has none), hyperlink → its text, an error → `{ error: "#N/A" }`, a Date stays a Date.
 */
export function toRawCell(value: CellValue | undefined): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object") return value;
  if (value instanceof Date) return value;
  const v = value as unknown as Record<string, unknown>;
  if (Array.isArray(v.richText)) {
    return (v.richText as { text?: unknown }[]).map((part) => String(part.text ?? "")).join("");
  }
  if ("formula" in v || "sharedFormula" in v) {
    const result = "result" in v ? toRawCell(v.result as CellValue) : null;
    // A formula is the user's cell even with an empty or never-calculated result: keep it, so
    // the engine sees the cell taken (no value to read) and never puts a result block over it.
    return result === null || result === "" ? { formula: String(v.formula ?? v.sharedFormula ?? "") } : result;
  }
  if ("hyperlink" in v || "text" in v) {
    const text = v.text;
    if (text && typeof text === "object") return toRawCell(text as CellValue);
    return text === undefined ? null : String(text);
  }
  if (typeof v.error === "string") return { error: v.error };
  return null;
}
