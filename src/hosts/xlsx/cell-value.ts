import type { CellValue } from "exceljs";
import type { RawCell } from "../../engine/types";

/**
 * Turns an exceljs cell value into what the engine reads: rich text → its text, formula → its
 * cached result, hyperlink → its text, an error → `{ error: "#N/A" }`, a Date stays a Date.
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
    return "result" in v ? toRawCell(v.result as CellValue) : null;
  }
  if ("hyperlink" in v || "text" in v) {
    const text = v.text;
    if (text && typeof text === "object") return toRawCell(text as CellValue);
    return text === undefined ? null : String(text);
  }
  if (typeof v.error === "string") return { error: v.error };
  return null;
}
