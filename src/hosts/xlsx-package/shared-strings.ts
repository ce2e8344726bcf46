import type { Readable } from "node:stream";
import { parseXml } from "./xml-stream";

/**
 * A string that holds its own characters. The parser hands text over as slices of the chunk it
 * read, and a slice of 13 characters or more (an ID number) keeps the whole chunk alive for as
 * long as the value lives: a city's roster would keep its shared-string part twice over.
 */
export function ownString(text: string): string {
  return text.length >= 13 ? (" " + text).slice(1) : text;
}

/** `_x000D_`-style escapes of shared and rich text. */
export function decodeEscapes(text: string): string {
  return text.includes("_x") ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/**
 * The shared-string table: each entry's text (rich text runs joined), null for an entry with
 * neither text nor runs; `rich` marks entries made of runs (a rich A1 does not mark our sheets).
 */
export interface SharedStrings {
  texts: (string | null)[];
  rich: Set<number>;
}

/** Reads the table; with `keep`, only the entries it accepts (the others read as null). */
export async function readSharedStrings(stream: Readable, keep?: Set<number>): Promise<SharedStrings> {
  const texts: (string | null)[] = [];
  const rich = new Set<number>();
  let depth = 0; // 0 outside <si>, 1 in <si>, 2 in a run or phonetic run
  let plain: string | null = null;
  let runs: string[] | null = null;
  let run: string[] | null = null;
  let inText = false;
  let inPhonetic = false;
  await parseXml(stream, {
    open(name) {
      if (name === "si") {
        depth = 1;
        plain = null;
        runs = null;
      } else if (depth === 0) return;
      else if (name === "r" && !inPhonetic) {
        run = [];
        depth = 2;
      } else if (name === "rPh") {
        inPhonetic = true;
      } else if (name === "t" && !inPhonetic) {
        inText = true;
        if (run === null) plain = "";
        else run.length = 0;
      }
    },
    text(text) {
      if (!inText) return;
      if (run !== null) run.push(text);
      else plain += text;
    },
    close(name) {
      if (depth === 0) return;
      if (name === "t") inText = false;
      else if (name === "rPh") inPhonetic = false;
      else if (name === "r" && run !== null) {
        if (plain === null) (runs ??= []).push(decodeEscapes(run.join("")));
        run = null;
        depth = 1;
      } else if (name === "si") {
        depth = 0;
        if (keep && !keep.has(texts.length)) texts.push(null);
        else if (plain !== null) texts.push(ownString(decodeEscapes(plain)));
        else if (runs !== null) {
          rich.add(texts.length);
          texts.push((runs as string[]).join(""));
        } else texts.push(null);
      }
    },
  });
  return { texts, rich };
}

/** The shared-string entries the cells of a worksheet name (`t="s"`), added to `into`. */
export async function sharedStringsUsed(stream: Readable, into: Set<number>): Promise<void> {
  let shared = false;
  let inValue = false;
  let value = "";
  await parseXml(stream, {
    open(name, attributes) {
      if (name === "c") shared = attributes.t === "s";
      else if (name === "v" && shared) {
        inValue = true;
        value = "";
      }
    },
    text(text) {
      if (inValue) value += text;
    },
    close(name) {
      if (name !== "v" || !inValue) return;
      inValue = false;
      const index = parseInt(value, 10);
      if (Number.isInteger(index) && index >= 0) into.add(index);
    },
  });
}
