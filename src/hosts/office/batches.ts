import { officeCode, throwIfAborted } from "./errors";
import type { XlContext } from "./excel-api";

/** Target request size: Excel on the web refuses requests over 5 MB; estimates leave a margin. */
export const REQUEST_BUDGET = 4 * 1024 * 1024;
const MIN_BUDGET = 16 * 1024;
/**
 * Excel on the web has refused large requests with a bare GeneralException instead of
 * RequestPayloadSizeLimitExceeded; on a request over this size it is taken as "too large".
 */
export const LARGE_REQUEST = 512 * 1024;

/** Whether a failed sync of `bytes` was Excel refusing the request's size (so a smaller one may pass). */
export function refusedAsTooLarge(error: unknown, bytes: number): boolean {
  const code = officeCode(error);
  return code === "RequestPayloadSizeLimitExceeded" || (code === "GeneralException" && bytes > LARGE_REQUEST);
}
/** Estimated request bytes of one call besides its data (object path, method, ids). */
export const CALL_BYTES = 200;

/** A piece of the plan that can be queued on its own: one call or a few, with its size. */
export interface WriteUnit {
  /** Estimated request bytes. */
  bytes: number;
  /** The sheet it writes, for error messages. */
  sheet: string;
  queue(context: XlContext): void;
  /**
   * For a unit made of rows: its first rows that fit in `bytes` (at least one row) and the
   * rest; undefined when it cannot be cut there. Absent when the unit cannot be cut at all.
   */
  take?(bytes: number): [WriteUnit, WriteUnit] | undefined;
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

/** Room below which a unit is not cut to fill a request: the piece would cost a call for little data. */
const MIN_PIECE = 64 * 1024;

/** The next units that fill one request: whole units while they fit, then the first rows of one that does not. */
function nextBatch(pending: WriteUnit[], budget: number): { batch: WriteUnit[]; bytes: number } {
  const batch: WriteUnit[] = [];
  let bytes = 0;
  while (pending.length > 0) {
    const unit = pending[0];
    if (bytes + unit.bytes <= budget) {
      batch.push(pending.shift()!);
      bytes += unit.bytes;
      continue;
    }
    const room = budget - bytes;
    const cut = unit.take && (batch.length === 0 || room >= MIN_PIECE) ? unit.take(room) : undefined;
    if (cut && (batch.length === 0 || cut[0].bytes <= room)) {
      batch.push(cut[0]);
      bytes += cut[0].bytes;
      pending[0] = cut[1];
    } else if (batch.length === 0) {
      batch.push(pending.shift()!);
      bytes += unit.bytes;
    }
    break;
  }
  return { batch, bytes };
}

export async function runUnits(context: XlContext, all: WriteUnit[], options: BatchOptions = {}): Promise<void> {
  let budget = options.budget ?? REQUEST_BUDGET;
  let pending = [...all];
  const total = pending.reduce((sum, u) => sum + u.bytes, 0) || 1;
  let doneBytes = 0;
  while (pending.length > 0) {
    throwIfAborted(options.signal);
    const { batch, bytes } = nextBatch(pending, budget);
    for (const unit of batch) unit.queue(context);
    try {
      await context.sync();
    } catch (error) {
      if (refusedAsTooLarge(error, bytes) && Math.min(budget, bytes) / 2 >= MIN_BUDGET) {
        budget = Math.floor(Math.min(budget, bytes) / 2);
        pending = [...batch, ...pending];
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
