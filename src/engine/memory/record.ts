import type { ColumnOverrides, SheetGrid } from "../types";
import { plain, plainText } from "../read/cell";

/**
 * The run record: what the last run wrote into each member's decision cells (评议等次 and
 * 处置建议), and the rule settings and column mappings it ran with. It lives on a very hidden
 * sheet of ours, so every host keeps it the way it keeps cells, and the command line reads
 * what the task pane saved. A cell that now differs from what the record says we wrote was
 * typed by the secretary: their decision, kept on the next run.
 */
export const RECORD_SHEET_NAME = "评议-记录";
export const RECORD_FORMAT = "xianjiao-record/1";

export const KEY = { format: "格式版本", today: "评议日期", rules: "规则设置", mappings: "列映射", sheets: "工作表", texts: "文本", entries: "成员" } as const;
/** JSON and the packed entries are split over cells of this many characters (a cell holds 32,767). */
export const CHUNK = 30000;

export interface RecordEntry {
  sheet: string;
  /** 0-based sheet row the member was on. */
  row: number;
  /** memberKeyHash of the member. */
  member: string;
  grade: string;
  outcome: string;
  manualGrade: boolean;
  manualOutcome: boolean;
}

export interface RunRecord {
  today: string;
  /** The rule settings the run used, as saved (validated again before use). */
  rules: unknown;
  mappings: ColumnOverrides | null;
  entries: RecordEntry[];
}

export { memberKeyHash } from "./member-key";

export function chunks(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK) out.push(text.slice(i, i + CHUNK));
  return out.length > 0 ? out : [""];
}

function text(value: unknown): string {
  return plainText(plain(value));
}

/** A cell's text exactly as stored (chunks are joined, never trimmed). */
function rawText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return text(value);
}

function parseJson(joined: string | undefined): unknown {
  if (!joined) return undefined;
  try {
    return JSON.parse(joined);
  } catch {
    return undefined;
  }
}

/** A column mapping as saved (sheet → field → 0-based column or null), checked before use. */
export function isColumnOverrides(value: unknown): value is ColumnOverrides {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  return Object.values(value as Record<string, unknown>).every(
    (sheet) =>
      sheet !== null &&
      typeof sheet === "object" &&
      !Array.isArray(sheet) &&
      Object.values(sheet as Record<string, unknown>).every((col) => col === null || (typeof col === "number" && Number.isInteger(col) && col >= 0)),
  );
}

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === "string");

/** Reads a record sheet's grid; null when it is not one (another format, damaged). */
export function parseRecord(grid: SheetGrid): RunRecord | null {
  const top = grid.origin?.row ?? 0;
  const left = grid.origin?.col ?? 0;
  const values = Array.isArray(grid.values) ? grid.values : [];
  // key → the joined text of the cells right of it (the grid may start below or right of A1)
  // (a key's text goes on down column B in the rows under it with A blank; older runs wrote it across one row)
  const keyed = new Map<string, string>();
  if (left === 0) {
    let current: string | null = null;
    for (const line of values) {
      if (!Array.isArray(line)) {
        current = null;
        continue;
      }
      const key = text(line[0]);
      let joined = "";
      for (let c = 1; c < line.length; c++) joined += rawText(line[c]);
      if (key === "") {
        if (current !== null && joined !== "") keyed.set(current, keyed.get(current)! + joined);
        else current = null;
        continue;
      }
      if (keyed.has(key)) {
        current = null;
        continue;
      }
      keyed.set(key, joined);
      current = key;
    }
  }
  if (top > 1 || keyed.get(KEY.format) !== RECORD_FORMAT) return null;
  const sheets = parseJson(keyed.get(KEY.sheets));
  const texts = parseJson(keyed.get(KEY.texts));
  if (!isStringList(sheets) || !isStringList(texts)) return null;
  const mappings = parseJson(keyed.get(KEY.mappings));
  const entries: RecordEntry[] = [];
  let lastSheet = -1;
  let lastRow = 0;
  for (const line of (keyed.get(KEY.entries) ?? "").split("\n")) {
    const f = line.split("\t");
    if (f.length !== 6) continue;
    const s = Number(f[0]);
    const sheet = sheets[s];
    const row = (s === lastSheet ? lastRow : 0) + Number(f[1]);
    lastSheet = s;
    lastRow = row;
    const grade = texts[Number(f[3])];
    const outcome = texts[Number(f[4])];
    const flags = Number(f[5]);
    if (sheet === undefined || grade === undefined || outcome === undefined || !Number.isInteger(row) || row < 0 || f[2] === "") continue;
    entries.push({ sheet, row, member: f[2], grade, outcome, manualGrade: (flags & 1) !== 0, manualOutcome: (flags & 2) !== 0 });
  }
  return {
    today: keyed.get(KEY.today) ?? "",
    rules: parseJson(keyed.get(KEY.rules)),
    mappings: isColumnOverrides(mappings) ? mappings : null,
    entries,
  };
}
