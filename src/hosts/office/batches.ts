import { officeCode, throwIfAborted } from "./errors";
import type { XlContext } from "./excel-api";

/** Target request size: Excel on the web refuses requests over 5 MB; estimates leave a margin. */
export const REQUEST_BUDGET = 4 * 1024 * 1024;
const MIN_BUDGET = 16 * 1024;
/** Estimated request bytes of one call besides its data (object path, method, ids). */
export const CALL_BYTES = 200;

/** A piece of the plan that can be queued on its own: one call or a few, with its size. */
export interface WriteUnit {
  /** Estimated request bytes. */
  bytes: number;
  /** The sheet it writes, for error messages. */
  sheet: string;
  queue(context: XlContext): void;
  /** Two halves of the unit, when it is made of rows; absent when it cannot be split. */
  split?(): WriteUnit[];
  /** Called once the unit's sync succeeded. */
  done?(): void;
}

export interface BatchOptions {
  budget?: number;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** Called with the units of the sync that failed, before the error propagates. */
  onFailure?: (batch: WriteUnit[]) => void;
}

function fit(units: WriteUnit[], budget: number): WriteUnit[] {
  return units.flatMap((unit) => (unit.bytes > budget && unit.split ? fit(unit.split(), budget) : [unit]));
}

/**
 * Queues units in order and syncs whenever the next one would take the request past the
 * budget, so the number of syncs is fixed for small plans and grows by one per ~4 MB. When Excel
 * still answers RequestPayloadSizeLimitExceeded the batch (which Excel did not apply) is queued
 * again with half the budget. Progress is reported after each sync; cancelling is checked
 * before each.
 */
export async function runUnits(context: XlContext, all: WriteUnit[], options: BatchOptions = {}): Promise<void> {
  let budget = options.budget ?? REQUEST_BUDGET;
  let pending = fit(all, budget);
  const total = pending.reduce((sum, u) => sum + u.bytes, 0) || 1;
  let doneBytes = 0;
  while (pending.length > 0) {
    throwIfAborted(options.signal);
    const batch: WriteUnit[] = [];
    let bytes = 0;
    while (pending.length > 0 && (batch.length === 0 || bytes + pending[0].bytes <= budget)) {
      const unit = pending.shift()!;
      batch.push(unit);
      bytes += unit.bytes;
    }
    for (const unit of batch) unit.queue(context);
    try {
      await context.sync();
    } catch (error) {
      if (officeCode(error) === "RequestPayloadSizeLimitExceeded" && Math.min(budget, bytes) / 2 >= MIN_BUDGET) {
        budget = Math.floor(Math.min(budget, bytes) / 2);
        pending = fit([...batch, ...pending], budget);
        continue;
      }
      options.onFailure?.(batch);
      throw error;
    }
    for (const unit of batch) unit.done?.();
    doneBytes += bytes;
    options.onProgress?.(Math.min(1, doneBytes / total));
  }
}
