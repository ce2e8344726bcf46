import type { ColumnOverrides } from "../types";
import type { PlanCell, SheetPlan } from "../plan/types";
import { CHUNK, KEY, RECORD_FORMAT, RECORD_SHEET_NAME, chunks } from "./record";
import { KEY_DIGITS, MemberKeyHasher, digitAt } from "./member-key";

/**
 * A key's text down column B, a cell of CHUNK characters a row, the key in A of the first: a
 * city's record is megabytes, and a host writes a row in one request (Excel takes 5 MB at most).
 */
function keyedRows(key: string, parts: readonly string[]): PlanCell[][] {
  return parts.map((part, i) => [i === 0 ? key : null, part]);
}

/** Bytes turned into characters by one String.fromCharCode call. */
const SLICE = 4096;

const TAB = 9;
const NEWLINE = 10;
const ZERO = 48;

/**
 * Collects what a run writes into members' decision cells, packed as the record sheet keeps it.
 * A city has 160,000 members but a few thousand different cell texts: the texts are listed once
 * and each member is one line "sheet⇥row⇥member⇥grade⇥outcome⇥flags" of indexes (the row as the
 * step from the member before on the same sheet). The lines are ASCII written straight into
 * bytes: built as strings they took longer than evaluating the members.
 */
export class RecordBuilder {
  private readonly sheets: string[] = [];
  private readonly sheetIndex = new Map<string, number>();
  private readonly hashers: MemberKeyHasher[] = [];
  private readonly texts: string[] = [];
  private readonly textIndex = new Map<string, number>();
  private bytes = new Uint8Array(1 << 16);
  private length = 0;
  private lastSheet = -1;
  private lastRow = 0;

  private text(value: string): number {
    let i = this.textIndex.get(value);
    if (i === undefined) {
      i = this.texts.length;
      this.texts.push(value);
      this.textIndex.set(value, i);
    }
    return i;
  }

  private room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const next = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }

  private int(n: number): void {
    if (n < 10) {
      this.bytes[this.length++] = ZERO + n;
      return;
    }
    const digits = String(n);
    for (let i = 0; i < digits.length; i++) this.bytes[this.length++] = digits.charCodeAt(i);
  }

  /** One member: where, who (key as the reader made it), and the two cells as written. */
  add(sheet: string, row: number, key: string, grade: string, outcome: string, manualGrade: boolean, manualOutcome: boolean): void {
    let s = this.sheetIndex.get(sheet);
    if (s === undefined) {
      s = this.sheets.length;
      this.sheets.push(sheet);
      this.sheetIndex.set(sheet, s);
      this.hashers.push(new MemberKeyHasher(sheet));
    }
    const hasher = this.hashers[s].hash(key);
    const step = s === this.lastSheet ? row - this.lastRow : row;
    this.lastSheet = s;
    this.lastRow = row;
    this.room(64);
    const b = this.bytes;
    this.int(s);
    b[this.length++] = TAB;
    this.int(step);
    b[this.length++] = TAB;
    for (let i = 0; i < KEY_DIGITS; i++) b[this.length++] = digitAt(hasher.a, hasher.b, i);
    b[this.length++] = TAB;
    this.int(this.text(grade));
    b[this.length++] = TAB;
    this.int(this.text(outcome));
    b[this.length++] = TAB;
    b[this.length++] = ZERO + (manualGrade ? 1 : 0) + (manualOutcome ? 2 : 0);
    b[this.length++] = NEWLINE;
  }

  /** The packed lines in cells of CHUNK characters (ASCII: a byte is a character). */
  private packed(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.length; i += CHUNK) {
      const end = Math.min(this.length, i + CHUNK);
      // (a few thousand bytes a call: every argument is one on the stack)
      let text = "";
      for (let j = i; j < end; j += SLICE) text += String.fromCharCode.apply(null, this.bytes.subarray(j, Math.min(end, j + SLICE)) as unknown as number[]);
      out.push(text);
    }
    return out.length > 0 ? out : [""];
  }

  /** The record sheet's plan (very hidden; replaced whole by every run). */
  sheet(today: string, rules: unknown, mappings: ColumnOverrides | null): SheetPlan {
    const rows: PlanCell[][] = [
      ["先教评议记录（评议时自动维护，请勿修改）"],
      [KEY.format, RECORD_FORMAT],
      [KEY.today, today],
      ...keyedRows(KEY.rules, chunks(JSON.stringify(rules ?? null))),
      ...keyedRows(KEY.mappings, chunks(JSON.stringify(mappings ?? null))),
      ...keyedRows(KEY.sheets, chunks(JSON.stringify(this.sheets))),
      ...keyedRows(KEY.texts, chunks(JSON.stringify(this.texts))),
      ...keyedRows(KEY.entries, this.packed()),
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
