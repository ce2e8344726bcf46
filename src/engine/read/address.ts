/** A1 addresses from 0-based sheet coordinates. */

export function columnName(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "B7" for sheet row 6, column 1. */
export function a1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}
