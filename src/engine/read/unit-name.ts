import type { SheetGrid } from "../types";
import { plain, plainText } from "./cell";

/** "填报单位：XX县直机关工委（第一批）" and the ways staff write it above a table. */
const UNIT_LINE = /^(?:填报单位|填表单位|报送单位|单位名称|党组织名称|填报党组织|单位)\s*[:：]\s*(.+)$/;
/** Where the unit's name ends: a second field on the same line ("填报日期：…") after a wide gap. */
const NEXT_FIELD = /(?:\s{2,}|\u3000+|\s*[，,；;]\s*)\S+\s*[:：].*$/;
/** A trailing bracketed note: （第一批）, (2025年). */
const TRAILING_NOTE = /\s*[（(][^（）()]*[）)]\s*$/;

/**
 * The unit a workbook says it comes from, as written above its member table: the first title
 * cell of the form "填报单位：名称". Used only when nobody has named the unit.
 */
export function unitNameAbove(grid: SheetGrid, headerTop: number): string | undefined {
  for (let r = 0; r < headerTop && r < grid.values.length; r++) {
    const row = grid.values[r];
    if (!Array.isArray(row)) continue;
    for (const raw of row) {
      const text = plainText(plain(raw)).trim();
      const match = UNIT_LINE.exec(text);
      if (!match) continue;
      const name = match[1].replace(NEXT_FIELD, "").replace(TRAILING_NOTE, "").trim();
      if (name.length > 0 && name.length <= 60) return name;
    }
  }
  return undefined;
}
