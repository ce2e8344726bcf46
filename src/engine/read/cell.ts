import { EXCEL_ERRORS } from "./words";

/** An Excel error value (#N/A, #DIV/0!, …), from text or an exceljs `{error}` object. */
export class ExcelErrorValue {
  constructor(readonly code: string) {}
}

/** Something that is neither text, number, boolean nor date (an unknown object, a function). */
export class UnreadableValue {
  constructor(readonly text: string) {}
}

/** A cell reduced to what the parsers handle; `undefined` is a blank cell. */
export type Plain = string | number | boolean | Date | ExcelErrorValue | UnreadableValue | undefined;

function describe(raw: unknown): string {
  try {
    const s = JSON.stringify(raw);
    if (typeof s === "string") return s.length > 40 ? `${s.slice(0, 40)}…` : s;
  } catch {
    // circular or otherwise unprintable
  }
  return Object.prototype.toString.call(raw);
}

/**
 * Unwraps a host's cell: exceljs rich text `{richText:[{text}]}`, formulas `{formula, result}`,
 * hyperlinks `{text}`, errors `{error}`; trims text and turns blank text into `undefined`.
 */
export function plain(raw: unknown, depth = 0): Plain {
  if (raw === null || raw === undefined) return undefined;
  switch (typeof raw) {
    case "string": {
      const s = raw.trim();
      if (s === "") return undefined;
      if (s.charCodeAt(0) === 35 /* # */ && EXCEL_ERRORS.has(s.toUpperCase())) return new ExcelErrorValue(s.toUpperCase());
      return s;
    }
    case "number":
      return raw;
    case "boolean":
      return raw;
    case "bigint":
      return Number(raw);
    case "object":
      break;
    default:
      return new UnreadableValue(typeof raw);
  }
  if (raw instanceof Date) return raw;
  // a Date made in another realm (a frame, a worker, a test sandbox) is still a date
  if (Object.prototype.toString.call(raw) === "[object Date]") return new Date(Date.prototype.getTime.call(raw));
  if (raw instanceof ExcelErrorValue || raw instanceof UnreadableValue) return raw;
  if (depth > 3) return new UnreadableValue(describe(raw));
  const o = raw as Record<string, unknown>;
  if (typeof o.error === "string") return new ExcelErrorValue(o.error);
  if (Array.isArray(o.richText)) {
    let text = "";
    for (const run of o.richText) {
      if (run && typeof run === "object" && typeof (run as { text?: unknown }).text === "string") text += (run as { text: string }).text;
    }
    return plain(text, depth + 1);
  }
  if ("formula" in o || "sharedFormula" in o) return plain(o.result, depth + 1);
  if ("result" in o) return plain(o.result, depth + 1);
  if (typeof o.text === "string" || (o.text && typeof o.text === "object")) return plain(o.text, depth + 1);
  return new UnreadableValue(describe(raw));
}

/**
 * True when a raw cell holds nothing (fast path for the row scan). A formula is never blank,
 * even without a cached result: the cell is the user's and a result block must not cover it.
 */
export function isBlank(raw: unknown): boolean {
  if (typeof raw === "string") {
    const c = raw.charCodeAt(0);
    // a first character that is no kind of space settles it without trimming
    if (c > 32 && c < 0x1680 && c !== 0xa0) return false;
    if (c > 0x3000 && c !== 0xfeff) return false;
    return raw.trim() === "";
  }
  if (raw === null || raw === undefined) return true;
  if (typeof raw === "object" && !(raw instanceof Date)) {
    if ("formula" in raw || "sharedFormula" in raw) return false;
    return plain(raw) === undefined;
  }
  return false;
}

/** A plain value as text for messages and header matching. */
export function plainText(v: Plain): string {
  if (v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return isoDate(v);
  if (v instanceof ExcelErrorValue) return v.code;
  return v.text;
}

export function isoDate(d: Date): string {
  const t = d.getTime();
  if (!Number.isFinite(t)) return "Invalid Date";
  return d.toISOString().slice(0, 10);
}
