import { createWriteStream } from "node:fs";
import { once } from "node:events";

/**
 * A JSON file written piece by piece, exactly as `JSON.stringify(value, null, 2)` would write
 * it, without ever holding the whole text: a city's report is larger than the longest string
 * JavaScript can make. Lists given as `LazyList` are made one element at a time.
 */

/** A list whose elements are made when written (a million members are never all made at once). */
export class LazyList<T> {
  constructor(
    readonly length: number,
    readonly at: (i: number) => T,
  ) {}
}

const INDENT = "  ";
const FLUSH_AT = 1 << 20;

type Emit = (text: string) => Promise<void>;

/** JSON.stringify's text of a value nested `depth` levels deep: its inner lines indented to match. */
function nested(value: unknown, depth: number): string | undefined {
  const text = JSON.stringify(value, null, 2);
  if (text === undefined || depth === 0 || !text.includes("\n")) return text;
  return text.replace(/\n/g, "\n" + INDENT.repeat(depth));
}

const skipped = (value: unknown) => value === undefined || typeof value === "function" || typeof value === "symbol";

async function write(value: unknown, depth: number, emit: Emit): Promise<void> {
  const pad = INDENT.repeat(depth + 1);
  if (value instanceof LazyList || Array.isArray(value)) {
    const list: LazyList<unknown> = value instanceof LazyList ? value : new LazyList((value as unknown[]).length, (i) => (value as unknown[])[i]);
    if (list.length === 0) return emit("[]");
    await emit("[\n");
    for (let i = 0; i < list.length; i++) {
      const item = list.at(i);
      await emit(`${i > 0 ? ",\n" : ""}${pad}${skipped(item) ? "null" : nested(item, depth + 1)}`);
    }
    return emit(`\n${INDENT.repeat(depth)}]`);
  }
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON !== "function") {
    const entries = Object.entries(value).filter(([, v]) => !skipped(v));
    if (entries.length === 0) return emit("{}");
    await emit("{\n");
    for (let i = 0; i < entries.length; i++) {
      const [key, item] = entries[i];
      await emit(`${i > 0 ? ",\n" : ""}${pad}${JSON.stringify(key)}: `);
      // the large lists sit one level down (members, issues): written piece by piece
      if (depth === 0) await write(item, depth + 1, emit);
      else await emit(nested(item, depth + 1) ?? "null");
    }
    return emit(`\n${INDENT.repeat(depth)}}`);
  }
  return emit(nested(value, depth) ?? "null");
}

/** Writes `value` to `file` as `JSON.stringify(value, null, 2) + "\n"` would. */
export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  const out = createWriteStream(file);
  const failed = new Promise<never>((_, reject) => out.once("error", reject));
  failed.catch(() => undefined);
  let pending: string[] = [];
  let size = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const chunk = pending.join("");
    pending = [];
    size = 0;
    if (!out.write(chunk, "utf8")) await Promise.race([once(out, "drain"), failed]);
  };
  const emit: Emit = async (text) => {
    pending.push(text);
    size += text.length;
    if (size >= FLUSH_AT) await flush();
  };
  try {
    await write(value, 0, emit);
    await emit("\n");
    await flush();
    out.end();
    await Promise.race([once(out, "finish"), failed]);
  } finally {
    out.destroy();
  }
}
