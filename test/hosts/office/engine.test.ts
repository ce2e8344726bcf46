import { evaluateWorkbook } from "../../../src/engine/run";
import { DEFAULT_RULES } from "../../../src/engine/rules";
import { RESULT_HEADERS } from "../../../src/engine/plan/types";
import { createMemoryHost } from "../../../src/hosts/memory";
import { ROSTER, rosterBook, snapshot } from "./fixtures";

const TODAY = "2025-04-10";

describe("office host with the engine: read, evaluate, apply, and again", () => {
  test("a second review finds its own block, replaces it in place and leaves the user's cells alone", async () => {
    const book = rosterBook(40);
    const host = createMemoryHost(book);
    const userCells = snapshot(book, ROSTER);

    const first = evaluateWorkbook(await host.readWorkbook(), { rules: DEFAULT_RULES, today: TODAY });
    expect(first.hasMemberTable).toBe(true);
    await host.applyPlan(first.plan);
    const names = book.sheets.map((s) => s.name);
    const used = book.sheet(ROSTER)!.usedRect(false);
    const cfs = book.sheet(ROSTER)!.conditionalFormats.length;
    const block = first.plan.resultBlocks[0];
    expect(block.firstColumn).toBe(5);
    expect(book.value(ROSTER, "F2")).toBe(block.headers[0]);

    const second = evaluateWorkbook(await host.readWorkbook(), { rules: DEFAULT_RULES, today: TODAY });
    expect(second.plan.resultBlocks[0].firstColumn).toBe(5);
    expect(second.members).toHaveLength(first.members.length);
    await host.applyPlan(second.plan);
    expect(book.sheets.map((s) => s.name)).toEqual(names);
    expect(book.sheet(ROSTER)!.usedRect(false)).toEqual(used);
    expect(book.sheet(ROSTER)!.conditionalFormats.length).toBe(cfs);
    const headerRow = book.toGrids()[0].values[1] as unknown[];
    expect(headerRow.filter((v) => (RESULT_HEADERS as readonly unknown[]).includes(v))).toHaveLength(block.headers.length);
    for (const [key, cell] of userCells) expect(snapshot(book, ROSTER).get(key)).toBe(cell);
  });
});
