import { HIGHLIGHT_COLOURS, type HighlightRule, type WorkbookPlan } from "../src/engine/plan/types";
import type { XlContext } from "../src/hosts/office/excel-api";
import type { ExcelRunner } from "../src/hosts/office/excel-api";

/** How a naive add-in syncs: after every row, or every `rows` rows. */
export type NaiveSync = { every: "row" } | { every: "batch"; rows: number };

function matches(rule: HighlightRule, text: string): boolean {
  if (rule.match === "equals") return text === rule.text;
  if (rule.match === "beginsWith") return text.startsWith(rule.text);
  return text.includes(rule.text);
}

/**
 * The baseline the Office host is measured against: a result block written the way a first
 * add-in usually does it — each member's result row as its own range write, and the fill and
 * font colour of each highlighted cell set one cell at a time (no conditional formats), with a
 * sync per row or per batch of rows. Our summary sheets are left out: only the block is compared.
 */
export async function naiveApply(run: ExcelRunner, plan: WorkbookPlan, sync: NaiveSync): Promise<void> {
  await run(async (context: XlContext) => {
    let queued = 0;
    for (const block of plan.resultBlocks) {
      const ws = context.workbook.worksheets.getItem(block.sheet);
      ws.getRangeByIndexes(block.headerRow, block.firstColumn, 1, block.headers.length).values = [block.headers];
      for (let i = 0; i < block.rows.length; i++) {
        const row = block.headerRow + 1 + i;
        const values = block.rows[i];
        ws.getRangeByIndexes(row, block.firstColumn, 1, values.length).values = [values];
        for (const h of block.highlights) {
          const text = values[h.column] ?? "";
          const rule = h.rules.find((r) => matches(r, text));
          if (!rule) continue;
          const cell = ws.getCell(row, block.firstColumn + h.column);
          cell.format.fill.color = HIGHLIGHT_COLOURS[rule.colour].fill;
          cell.format.font.color = HIGHLIGHT_COLOURS[rule.colour].font;
        }
        queued++;
        if (sync.every === "row" || queued >= sync.rows) {
          await context.sync();
          queued = 0;
        }
      }
    }
    if (queued > 0) await context.sync();
  });
}
