import { rectA1, type Rect } from "../../engine/address";

export { MAX_COL, MAX_ROW, a1, columnLetters, parseA1, parseRect, rectA1, type Rect } from "../../engine/address";

/** Quotes a sheet name for an address when Excel would ("'My sheet'!A1"). */
export function qualified(sheet: string, rect: Rect): string {
  const name = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${rectA1(rect)}`;
}
