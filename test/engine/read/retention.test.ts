import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { readWorkbook } from "../../../src/engine/read";
import type { WorkbookInput } from "../../../src/engine/types";
import { sheet } from "./helpers";

setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;

/**
 * What the reader returns holds what it read, not the sheets it read it from: a command line
 * lets a city's grids go once they are read, and they weigh more than the evaluation.
 */
test("the tables read do not keep the sheets' grids alive", async () => {
  const rows = (study: boolean) => [study ? ["姓名", "学习时数"] : ["姓名", "支部"], ...Array.from({ length: 500 }, (_, i) => (study ? [`党员${i}`, 40 + (i % 20)] : [`党员${i}`, `第${(i % 7) + 1}党支部`]))];
  let input: WorkbookInput | null = { sheets: [sheet("党员名单", rows(false)), sheet("学习情况", rows(true))] };
  const grids = input.sheets.map((grid) => new WeakRef(grid.values));
  const read = readWorkbook(input);
  input = null;
  // let the grids' last references go (microtasks, the test's own frame) before collecting
  await new Promise((resolve) => setTimeout(resolve, 0));
  collect();
  expect(grids.map((ref) => ref.deref() === undefined)).toEqual([true, true]);
  expect(read.members).toHaveLength(500);
  expect(read.tables[0].dataRows).toHaveLength(500);
});
