/**
 * A column of numbers, NaN where blank, kept in an ordinary array of doubles rather than a
 * Float64Array. A typed array's memory lies outside the JavaScript heap, and each 64 MB of it
 * makes the engine collect its whole heap — the user's workbook grid included — which at
 * 160,000 members would happen on every second run. An array of doubles is as quick to read and
 * is collected with the rest of the heap.
 */
export type NumberColumn = number[];

export function numberColumn(length: number): NumberColumn {
  return new Array<number>(Math.max(0, length)).fill(NaN);
}
