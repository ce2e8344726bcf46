import { columnOffsets, columnPixels, DEFAULT_COLUMN_PX, FILLER_COLUMNS, frozenRowCount, withFillerColumns, MergeIndex, ROW_HEIGHT, ROW_NUMBER_WIDTH, rowNumberWidth, scrollLeftFor, visibleRows, VIRTUALISE_ABOVE } from "../../src/demo/gridLayout";
import { widthPoints } from "../../src/hosts/office/text";

test("column widths come from the workbook (points → px), Excel's 64 px where none is set", () => {
  const widths = new Map([
    [0, widthPoints(6)],
    [2, widthPoints(22)],
  ]);
  expect(columnPixels(widths, 4)).toEqual([6 * 7 + 5, DEFAULT_COLUMN_PX, 22 * 7 + 5, DEFAULT_COLUMN_PX]);
  expect(columnOffsets([47, 64, 159])).toEqual([ROW_NUMBER_WIDTH, ROW_NUMBER_WIDTH + 47, ROW_NUMBER_WIDTH + 111, ROW_NUMBER_WIDTH + 270]);
});

test("frozen rows: the file's own or down to the recognised header row, never so many the view is all header", () => {
  expect(frozenRowCount(0, 3, 85)).toBe(3);
  expect(frozenRowCount(1, 3, 85)).toBe(3);
  expect(frozenRowCount(4, undefined, 85)).toBe(4);
  expect(frozenRowCount(0, undefined, 85)).toBe(0);
  expect(frozenRowCount(0, 12, 85)).toBe(0);
  expect(frozenRowCount(0, 3, 3)).toBe(0);
});

test("a small sheet renders every row; a big one only the rows in view and a margin", () => {
  expect(visibleRows(85, 3, 500, 800)).toEqual({ first: 3, last: 84 });
  const rows = 25_700 + 3;
  const top = visibleRows(rows, 3, 0, 800);
  expect(top.first).toBe(3);
  expect(top.last - top.first).toBeLessThan(80);
  const middle = visibleRows(rows, 3, 10_000 * ROW_HEIGHT, 800);
  // body row 10,003 is the first one under the frozen header at that scroll position
  expect(middle.first).toBeLessThanOrEqual(10_003);
  expect(middle.last).toBeGreaterThanOrEqual(10_003 + 800 / ROW_HEIGHT);
  expect(middle.last - middle.first).toBeLessThan(100);
  const bottom = visibleRows(rows, 3, rows * ROW_HEIGHT, 800);
  expect(bottom.last).toBe(rows - 1);
  expect(VIRTUALISE_ABOVE).toBeLessThan(rows);
});

test("merged areas: the top-left cell spans them, the others are not drawn; a clipped area starts at the first rendered row", () => {
  const merges = new MergeIndex([
    { top: 0, left: 0, bottom: 0, right: 11 },
    { top: 1, left: 0, bottom: 2, right: 0 },
    { top: 40, left: 2, bottom: 49, right: 2 },
  ]);
  expect(merges.at(0, 0, 0, 2)).toEqual({ rowSpan: 1, colSpan: 12 });
  expect(merges.at(0, 5, 0, 2)).toBe("covered");
  expect(merges.at(1, 0, 0, 2)).toEqual({ rowSpan: 2, colSpan: 1 });
  expect(merges.at(2, 0, 0, 2)).toBe("covered");
  expect(merges.at(3, 0, 3, 60)).toBeNull();
  expect(merges.at(45, 2, 45, 60)).toEqual({ rowSpan: 5, colSpan: 1 });
  expect(merges.at(44, 2, 45, 60)).toBe("covered");
});

test("scrolling to a column puts it just right of the frozen columns", () => {
  const offsets = columnOffsets([47, 75, 159, 64]);
  expect(scrollLeftFor(offsets, 3, ROW_NUMBER_WIDTH + 47)).toBe(ROW_NUMBER_WIDTH + 47 + 75 + 159 - (ROW_NUMBER_WIDTH + 47) - 8);
  expect(scrollLeftFor(offsets, 0, ROW_NUMBER_WIDTH)).toBe(0);
});

test("the row-number column widens for five-digit row numbers", () => {
  expect(rowNumberWidth(85)).toBe(ROW_NUMBER_WIDTH);
  expect(rowNumberWidth(25_705)).toBeGreaterThanOrEqual(5 * 8 + 10);
  expect(columnOffsets([64], 60)).toEqual([60, 124]);
});

test("empty default columns follow the used ones until the view is filled, and always a few", () => {
  expect(withFillerColumns([100, 200], 1000)).toEqual([100, 200, ...Array(11).fill(DEFAULT_COLUMN_PX)]); // 300 + 11 × 64 ≥ 1000
  expect(withFillerColumns([800, 800], 1000)).toEqual([800, 800, ...Array(FILLER_COLUMNS).fill(DEFAULT_COLUMN_PX)]);
  expect(withFillerColumns([], 0)).toHaveLength(FILLER_COLUMNS);
});
