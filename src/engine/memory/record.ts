import type { ColumnOverrides, SheetGrid } from "../types";
import type { PlanCell, SheetPlan } from "../plan/types";
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

const KEY = { format: "格式版本", today: "评议日期", rules: "规则设置", mappings: "列映射", sheets: "工作表", texts: "文本", entries: "成员" } as const;
/** JSON and the packed entries are split over cells of this many characters (a cell holds 32,767). */
const CHUNK = 30000;

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

/** A member key (id, or name|branch) as the record keeps it: a short hash, not the person's data. */
export function memberKeyHash(sheet: string, key: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  const text = `${sheet}\u0000${key}`;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13);
  }
  return (a >>> 0).toString(36) + (b >>> 0).toString(36);
}

function chunks(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK) out.push(text.slice(i, i + CHUNK));
  return out.length > 0 ? out : [""];
}

/**
 * Collects what a run writes into members' decision cells, packed as the record sheet keeps it:
 * a city has 160,000 members but a few thousand different cell texts, so the texts are listed
 * once and each member is one line "sheet⇥row⇥member⇥grade⇥outcome⇥flags" of indexes.
 */
export class RecordBuilder {
  private readonly sheets: string[] = [];
  private readonly sheetIndex = new Map<string, number>();
  private readonly texts: string[] = [];
  private readonly textIndex = new Map<string, number>();
  private packed = "";
  size = 0;

  private indexOf(map: Map<string, number>, list: string[], value: string): number {
    let i = map.get(value);
    if (i === undefined) {
      i = list.length;
      list.push(value);
      map.set(value, i);
    }
    return i;
  }

  add(sheet: string, row: number, member: string, grade: string, outcome: string, manualGrade: boolean, manualOutcome: boolean): void {
    const flags = (manualGrade ? 1 : 0) + (manualOutcome ? 2 : 0);
    this.packed += `${this.indexOf(this.sheetIndex, this.sheets, sheet)}\t${row}\t${member}\t${this.indexOf(this.textIndex, this.texts, grade)}\t${this.indexOf(this.textIndex, this.texts, outcome)}\t${flags}\n`;
    this.size++;
  }

  /** The record sheet's plan (very hidden; replaced whole by every run). */
  sheet(today: string, rules: unknown, mappings: ColumnOverrides | null): SheetPlan {
    const rows: PlanCell[][] = [
      ["先教评议记录（评议时自动维护，请勿修改）"],
      [KEY.format, RECORD_FORMAT],
      [KEY.today, today],
      [KEY.rules, ...chunks(JSON.stringify(rules ?? null))],
      [KEY.mappings, ...chunks(JSON.stringify(mappings ?? null))],
      [KEY.sheets, ...chunks(JSON.stringify(this.sheets))],
      [KEY.texts, ...chunks(JSON.stringify(this.texts))],
      [KEY.entries, ...chunks(this.packed)],
    ];
    return {
      name: RECORD_SHEET_NAME,
      kind: "record",
      rows,
      headerRow: 0,
      boldRows: [],
      percentColumns: [],
      decimalColumns: [],
      widths: [12, 40],
      highlights: [],
      hidden: "veryHidden",
    };
  }
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
  const keyed = new Map<string, string>();
  if (left === 0) {
    for (const line of values) {
      if (!Array.isArray(line)) continue;
      const key = text(line[0]);
      if (key === "" || keyed.has(key)) continue;
      let joined = "";
      for (let c = 1; c < line.length; c++) joined += rawText(line[c]);
      keyed.set(key, joined);
    }
  }
  if (top > 1 || keyed.get(KEY.format) !== RECORD_FORMAT) return null;
  const sheets = parseJson(keyed.get(KEY.sheets));
  const texts = parseJson(keyed.get(KEY.texts));
  if (!isStringList(sheets) || !isStringList(texts)) return null;
  const mappings = parseJson(keyed.get(KEY.mappings));
  const entries: RecordEntry[] = [];
  for (const line of (keyed.get(KEY.entries) ?? "").split("\n")) {
    const f = line.split("\t");
    if (f.length !== 6) continue;
    const sheet = sheets[Number(f[0])];
    const row = Number(f[1]);
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
