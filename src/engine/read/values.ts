import type { Category, DecidedGrade, FieldId, IssueCode } from "../types";
import { ExcelErrorValue, UnreadableValue, isoDate, type Plain } from "./cell";
import { normaliseName, normaliseWord, removeSpaces, toHalfWidth } from "./text";
import { batchOf } from "../stages/batches";
import {
  CATEGORY_WORDS,
  GRADE_WORDS,
  MAX_TEXT_LENGTH,
  NO_PREFIXES,
  NO_WORDS,
  POSTED_NO_WORDS,
  POSTED_YES_WORDS,
  YES_PREFIXES,
  YES_WORDS,
} from "./words";

export type FieldKind = "name" | "id" | "text" | "batch" | "category" | "yesno" | "yesOrDate" | "number" | "integer" | "percent" | "grade";

export const FIELD_KINDS: Record<FieldId, FieldKind> = {
  name: "name",
  memberId: "id",
  branch: "text",
  category: "category",
  isLeader: "yesno",
  batch: "batch",
  studyHours: "number",
  concentratedDays: "number",
  sessionsDue: "integer",
  sessionsAttended: "integer",
  monthsAbsent: "integer",
  analysisSubmitted: "yesno",
  satisfaction: "percent",
  satisfied: "integer",
  fairlySatisfied: "integer",
  basicallySatisfied: "integer",
  dissatisfied: "integer",
  rectified: "yesno",
  applicationSubmitted: "yesno",
  proposedGrade: "grade",
  votersDue: "integer",
  votersPresent: "integer",
  votesFor: "integer",
  votesAgainst: "integer",
  votesAbstain: "integer",
  votesExcellent: "integer",
  votesQualified: "integer",
  votesBasic: "integer",
  votesUnqualified: "integer",
  approved: "yesno",
  publicized: "yesOrDate",
  excellentNominated: "yesno",
  disciplined: "yesno",
};

/** Why a cell could not be used; `fallback` is the value used anyway (unknown category → 正式党员). */
export class Problem {
  constructor(
    readonly code: IssueCode,
    readonly params: Record<string, string | number> = {},
    readonly fallback?: unknown,
  ) {}
}

/** A satisfaction as read, before the column decides whether plain numbers are fractions. */
export interface RawPercent {
  n: number;
  /** True when the cell said so itself ("85%", a "0%" format): already on the 0–100 scale. */
  percent: boolean;
}

/** A member id; `usable` is false when Excel has already dropped digits. */
export interface MemberId {
  id: string;
  usable: boolean;
}

const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const UNIT_SUFFIX = /(?:学时|小时|课时|个月|月|天|日|次|人|票|分|h)$/i;
const THOUSANDS = /[,，]/g;
const SCIENTIFIC_ID = /^\d(?:\.\d+)?e\+?\d+$/i;

const formatKinds = new Map<string, "percent" | "date" | "plain">();
const QUOTED = /"[^"]*"|\\.|\[[^\]]*\]/g;

/** What a number format says about its number: a percentage, a date, or neither. */
export function formatKind(format: string | null | undefined): "percent" | "date" | "plain" {
  if (!format) return "plain";
  let kind = formatKinds.get(format);
  if (kind === undefined) {
    const bare = format.replace(QUOTED, "");
    if (/general/i.test(bare)) kind = "plain";
    else if (bare.includes("%")) kind = "percent";
    else if (/[ydhs]/i.test(bare)) kind = "date";
    else kind = "plain";
    formatKinds.set(format, kind);
  }
  return kind;
}

/** Word cells repeat (是, 合格, 正式党员): remember what each spelling meant. */
function cached<T>(cache: Map<string, T>, s: string, compute: (s: string) => T): T {
  let hit = cache.get(s);
  if (hit === undefined && !cache.has(s)) {
    hit = compute(s);
    if (cache.size < 5000) cache.set(s, hit);
  }
  return hit as T;
}
const yesNoCache = new Map<string, boolean | undefined>();
const categoryCache = new Map<string, Category | undefined>();
const gradeCache = new Map<string, DecidedGrade | undefined>();

function yesNoWord(s: string): boolean | undefined {
  const w = normaliseWord(s);
  if (YES_WORDS.has(w)) return true;
  if (NO_WORDS.has(w)) return false;
  for (const prefix of NO_PREFIXES) if (w.startsWith(prefix)) return false;
  for (const prefix of YES_PREFIXES) if (w.startsWith(prefix)) return true;
  return undefined;
}

const categoryWord = (s: string) => CATEGORY_WORDS.get(normaliseWord(s));
const gradeWord = (s: string) => GRADE_WORDS.get(normaliseWord(s));

function common(v: Exclude<Plain, undefined>): Problem | undefined {
  if (v instanceof ExcelErrorValue) return new Problem("ERROR_VALUE");
  if (v instanceof UnreadableValue) return new Problem("UNREADABLE_VALUE");
  if (v instanceof Date) return new Problem("DATE_NOT_EXPECTED");
  if (typeof v === "string" && v.length > MAX_TEXT_LENGTH) return new Problem("TEXT_TOO_LONG", { length: v.length });
  return undefined;
}

/** Set by numberOf: whether the last number said it was a percentage ("85%", a "0%" format). */
let lastWasPercent = false;

/** A number from a cell: numbers, text with full-width digits, thousands separators, units or "%". */
function numberOf(v: Plain, format?: string | null): number | Problem | undefined {
  lastWasPercent = false;
  if (v === undefined) return undefined;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return new Problem("NOT_A_NUMBER");
    if (!format) return v;
    const kind = formatKind(format);
    if (kind === "date") return new Problem("DATE_NOT_EXPECTED");
    if (kind !== "percent") return v;
    lastWasPercent = true;
    return v * 100;
  }
  const p = common(v);
  if (p) return p;
  if (typeof v !== "string") return new Problem("NOT_A_NUMBER");
  let s = removeSpaces(toHalfWidth(v)).replace(THOUSANDS, "");
  if (s.endsWith("%")) {
    lastWasPercent = true;
    s = s.slice(0, -1);
  } else s = s.replace(UNIT_SUFFIX, "");
  if (!NUMBER_TEXT.test(s)) return new Problem("NOT_A_NUMBER");
  const n = Number(s);
  return Number.isFinite(n) ? n : new Problem("NOT_A_NUMBER");
}

/** A satisfaction-like number, remembering whether the cell itself said "percent". */
export function readNumber(v: Plain, format?: string | null): RawPercent | Problem | undefined {
  const n = numberOf(v, format);
  return typeof n === "number" ? { n, percent: lastWasPercent } : n;
}

/** A count or quantity: ≥ 0, and whole when `integer`. */
export function readQuantity(v: Plain, format: string | null | undefined, integer: boolean): number | Problem | undefined {
  const n = numberOf(v, format);
  if (typeof n !== "number") return n;
  if (lastWasPercent) return new Problem("NOT_A_NUMBER");
  if (n < 0) return new Problem("NEGATIVE_NUMBER");
  if (integer) {
    const rounded = Math.round(n);
    if (Math.abs(n - rounded) > 1e-9) return new Problem("NOT_AN_INTEGER");
    return rounded;
  }
  return n;
}

export function readYesNo(v: Plain): boolean | Problem | undefined {
  if (v === undefined) return undefined;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v === 1 ? true : v === 0 ? false : new Problem("NOT_YES_NO");
  const p = common(v);
  if (p) return p;
  if (typeof v !== "string") return new Problem("NOT_YES_NO");
  return cached(yesNoCache, v, yesNoWord) ?? new Problem("NOT_YES_NO");
}

/** A date as staff type it: 2025-03-01, 2025/3/1, 2025.3.1, 2025年3月1日, 5月8日至14日 (a range starting so). */
const DATE_TEXT = /^\d{4}\s*[-/.年]\s*\d{1,2}|\d{1,2}\s*月\s*\d{1,2}\s*日/;

/** A 公示 cell: yes or no, or the date it was posted (a date says it was, so yes). */
export function readYesOrDate(v: Plain, format?: string | null): boolean | Problem | undefined {
  if (v === undefined) return undefined;
  if (v instanceof Date) return Number.isFinite(v.getTime()) ? true : new Problem("NOT_YES_NO");
  if (typeof v === "number" && formatKind(format) === "date") return true;
  if (typeof v === "string" && v.length <= MAX_TEXT_LENGTH) {
    const w = normaliseWord(v);
    if (POSTED_YES_WORDS.has(w)) return true;
    if (POSTED_NO_WORDS.has(w)) return false;
    if (DATE_TEXT.test(toHalfWidth(v))) return true;
  }
  return readYesNo(v);
}

export function readCategory(v: Plain): Category | Problem | undefined {
  if (v === undefined) return undefined;
  const p = common(v);
  if (p) return p;
  const hit = typeof v === "string" ? cached(categoryCache, v, categoryWord) : undefined;
  return hit ?? new Problem("UNKNOWN_CATEGORY", {}, "正式党员");
}

export function readGrade(v: Plain): DecidedGrade | Problem | undefined {
  if (v === undefined) return undefined;
  const p = common(v);
  if (p) return p;
  const hit = typeof v === "string" ? cached(gradeCache, v, gradeWord) : undefined;
  return hit ?? new Problem("UNKNOWN_GRADE");
}

/** Names and branches: text (a number is taken as written); spaces inside Chinese text removed. */
export function readText(v: Plain): string | Problem | undefined {
  if (v === undefined) return undefined;
  if (typeof v === "string" && v.length <= MAX_TEXT_LENGTH) {
    const s = normaliseName(v);
    return s === "" ? undefined : s;
  }
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : new Problem("UNREADABLE_VALUE");
  if (typeof v === "boolean") return new Problem("UNREADABLE_VALUE");
  const p = common(v);
  if (p) return p;
  const s = normaliseName(v as string);
  return s === "" ? undefined : s;
}

/** 第一批 / 第二批 / 第三批 as staff write them (一批, 第1批, 1, 第 2 批次); anything else is a data issue. */
export function readBatch(v: Plain): string | Problem | undefined {
  const s = readText(v);
  if (typeof s !== "string") return s;
  return batchOf(s) ?? new Problem("UNKNOWN_BATCH");
}

/** Digits and a capital X only (an ID card number as typed): nothing to normalise, usable as it is. */
export function isDigitsId(s: string): boolean {
  if (s.length === 0 || s.length > MAX_TEXT_LENGTH) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 48 || c > 57) && c !== 88) return false;
  }
  return true;
}

/** A member id as text; an 18-digit number (≥ 1e15, or "1.10101E+17") has lost its last digits. */
export function readMemberId(v: Plain): MemberId | Problem | undefined {
  if (v === undefined) return undefined;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return new Problem("UNREADABLE_VALUE");
    return { id: String(v), usable: Math.abs(v) < 1e15 };
  }
  if (typeof v === "boolean") return new Problem("UNREADABLE_VALUE");
  if (typeof v === "string" && isDigitsId(v)) return { id: v, usable: true };
  const p = common(v);
  if (p) return p;
  const s = removeSpaces(toHalfWidth(v as string)).toUpperCase();
  if (s === "") return undefined;
  return { id: s, usable: !SCIENTIFIC_ID.test(s) };
}

/** The text shown for a cell's value in an issue. */
export function valueText(v: Plain): string {
  if (v === undefined) return "";
  if (typeof v === "string") return v.length > 40 ? `${v.slice(0, 40)}…` : v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return isoDate(v);
  if (v instanceof ExcelErrorValue) return v.code;
  return v.text;
}
