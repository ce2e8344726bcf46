import { evaluateWorkbook, DEFAULT_RULES } from "../src/engine";
import { createMemoryHost, MemoryWorkbook, type MemoryCounters } from "../src/hosts/memory";
import { specToGrid } from "./generate/grids";
import type { SheetSpec } from "./generate/sheets";
import { BENCH_TODAY } from "./engine";
import { naiveApply, type NaiveSync } from "./naive-host";

export interface OfficeCounts {
  syncs: number;
  largestRequestBytes: number;
  totalRequestBytes: number;
  conditionalFormatOps: number;
  formatOps: number;
  cellsWritten: number;
  /** Wall time of the apply against the in-memory workbook (no network: a lower bound). */
  ms: number;
}

export interface OfficeFigures {
  members: number;
  /** Reading the workbook through the host (syncs and the largest response are not counted by the memory book). */
  readSyncs: number;
  apply: OfficeCounts;
  naivePerRow: OfficeCounts | null;
  naivePerBatch: OfficeCounts;
}

function counts(c: MemoryCounters, ms: number): OfficeCounts {
  return {
    syncs: c.syncs,
    largestRequestBytes: c.largestRequestBytes,
    totalRequestBytes: c.requestBytes.reduce((a, b) => a + b, 0),
    conditionalFormatOps: c.conditionalFormatOps,
    formatOps: c.formatOps,
    cellsWritten: c.cellsWritten,
    ms,
  };
}

function book(sheets: SheetSpec[]): MemoryWorkbook {
  return MemoryWorkbook.fromGrids(sheets.map(specToGrid).map((g) => ({ name: g.name, values: g.values, numberFormats: g.numberFormats })));
}

/** Rows per sync of the naive baseline's batched variant (a typical "sync every N rows"). */
export const NAIVE_BATCH_ROWS = 500;
/** The per-row naive variant is only run up to this many members (it is one sync per member). */
export const NAIVE_PER_ROW_LIMIT = 30_000;

/**
 * The Office host (createOfficeHost over the in-memory workbook): read, evaluate, apply, with
 * the workbook's counters for the apply; then the naive baseline on fresh copies of the workbook.
 */
export async function measureOffice(sheets: SheetSpec[], members: number): Promise<OfficeFigures> {
  const memory = book(sheets);
  const host = createMemoryHost(memory);
  const input = await host.readWorkbook();
  const readSyncs = memory.counters.syncs;
  const result = evaluateWorkbook(input, { rules: DEFAULT_RULES, today: BENCH_TODAY, unitName: "市直机关工委" });
  memory.resetCounters();
  const start = performance.now();
  await host.applyPlan(result.plan);
  const apply = counts(memory.counters, performance.now() - start);

  const naive = async (sync: NaiveSync) => {
    const copy = book(sheets);
    const begin = performance.now();
    await naiveApply(copy.run, result.plan, sync);
    return counts(copy.counters, performance.now() - begin);
  };
  const naivePerBatch = await naive({ every: "batch", rows: NAIVE_BATCH_ROWS });
  const naivePerRow = members <= NAIVE_PER_ROW_LIMIT ? await naive({ every: "row" }) : null;
  return { members, readSyncs, apply, naivePerRow, naivePerBatch };
}
