import { jsonBytes } from "../office/text";
import { located, MemoryOfficeError, notLoaded } from "./errors";
import type { MemoryWorkbook } from "./workbook";

interface QueuedOp {
  bytes: number;
  apply(): void;
  /** The API member the call is, for errorLocation ("Range.values"). */
  location?: string;
}

/** Bytes a queued call costs in the request besides its arguments (object path, method name). */
export const OP_OVERHEAD = 40;

/**
 * A request context: calls on proxies are queued and run, in order, at `sync()`. Like Excel,
 * a sync made while a cell is being edited waits for the edit to end (`delayForCellEdit`) or
 * fails; the whole request is refused when it is over the payload limit; and an error in one
 * call stops the rest (calls before it stay applied) and names the call in its errorLocation.
 */
export class MemoryContext {
  private queue: QueuedOp[] = [];
  /** Bytes of loaded data in the sync being applied (the response). */
  responseBytes = 0;

  constructor(
    readonly book: MemoryWorkbook,
    /** Excel.run's `delayForCellEdit`: syncs wait while a cell is edited instead of failing. */
    readonly delayForCellEdit = false,
  ) {}

  get pending(): number {
    return this.queue.length;
  }

  enqueue(bytes: number, apply: () => void): void {
    this.queue.push({ bytes: bytes + OP_OVERHEAD, apply });
  }

  /** Queues a call to the API member `location` ("Range.values"), named by the errors it raises. */
  enqueueAt(location: string, bytes: number, apply: () => void): void {
    this.queue.push({ bytes: bytes + OP_OVERHEAD, apply, location });
  }

  async sync(): Promise<void> {
    await Promise.resolve();
    const ops = this.queue;
    this.queue = [];
    const book = this.book;
    const bytes = ops.reduce((sum, op) => sum + op.bytes, 0);
    book.counters.syncs++;
    book.counters.requestBytes.push(bytes);
    book.counters.largestRequestBytes = Math.max(book.counters.largestRequestBytes, bytes);
    await book.untilCellEditEnds(this.delayForCellEdit);
    const fault = book.takeFault();
    if (fault) throw new MemoryOfficeError(fault.code, fault.message, fault.errorLocation);
    if (bytes > book.payloadLimit) throw book.oversized("Request");
    this.responseBytes = 0;
    for (const op of ops) {
      try {
        op.apply();
      } catch (error) {
        throw located(error, op.location);
      }
    }
    if (this.responseBytes > book.payloadLimit) throw book.oversized("Response");
  }
}

/**
 * Base of every proxy: properties must be loaded (`load()` then `context.sync()`) before they
 * can be read, as in Excel; reading one too early throws PropertyNotLoaded.
 */
export abstract class MemoryObject {
  private loaded: Map<string, unknown> | null = null;

  constructor(readonly context: MemoryContext) {}

  /** Properties `load()` with no argument loads. */
  protected abstract scalarProperties(): string[];
  /** The current value of a loadable property, read at sync. */
  protected abstract snapshot(property: string): unknown;

  load(propertyNames?: string | string[]): this {
    const names = propertyNames === undefined ? this.scalarProperties() : typeof propertyNames === "string" ? propertyNames.split(",") : propertyNames;
    const list = names.map((n) => n.trim()).filter((n) => n !== "");
    this.context.enqueue(jsonBytes(list), () => {
      const loaded = (this.loaded ??= new Map());
      for (const name of list) {
        const value = this.snapshot(name);
        loaded.set(name, value);
        this.context.responseBytes += jsonBytes(value ?? null) + name.length + 4;
      }
    });
    return this;
  }

  /** Marks a property as known after the next sync without an explicit load (e.g. isNullObject). */
  protected settle(name: string, value: () => unknown): void {
    this.context.enqueue(0, () => (this.loaded ??= new Map()).set(name, value()));
  }

  protected read<T>(name: string): T {
    if (!this.loaded || !this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }

  /** What the loaded object looks like in a response (for the response size). */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded ?? []);
  }

  protected setLoaded(name: string, value: unknown): void {
    (this.loaded ??= new Map()).set(name, value);
  }
}

/** A write-only property holder: reading what was never loaded throws, as in Excel. */
export function writeOnly<T extends object>(setters: Record<string, (value: never) => void>): T {
  const target = {};
  for (const [name, set] of Object.entries(setters)) {
    Object.defineProperty(target, name, {
      get: () => {
        throw notLoaded(name);
      },
      set,
      enumerable: true,
    });
  }
  return target as T;
}
