import fc from "fast-check";
import type { FieldId } from "../../src/engine/types";
import { FIELD_KINDS, type FieldKind } from "../../src/engine/read/values";
import { FIELD_SYNONYMS } from "../../src/engine/read/synonyms";
import { a1 } from "../../src/engine/address";
import type { CellRange, SheetGrid, WorkbookInput } from "../../src/engine/types";
import { anyCell, BAD, blank, GOOD, name, wrapped } from "./cells";

/** Fields a generated roster may carry besides 姓名 (each read by one parser kind). */
export const VALUE_FIELDS: FieldId[] = [
  "memberId",
  "branch",
  "category",
  "isLeader",
  "batch",
  "studyHours",
  "concentratedDays",
  "sessionsDue",
  "sessionsAttended",
  "satisfaction",
  "applicationSubmitted",
  "analysisSubmitted",
  "proposedGrade",
  "votesFor",
  "publicized",
];

/** How staff decorate a header: a unit in brackets, a star, a colon, a space, full width. */
const DECORATIONS: ((s: string) => string)[] = [
  (s) => s,
  (s) => s,
  (s) => `${s}（小时）`,
  (s) => `${s}(单位)`,
  (s) => `*${s}`,
  (s) => `${s}：`,
  (s) => (s.length > 1 ? `${s[0]} ${s.slice(1)}` : s),
  (s) => `${s[0]}\u3000${s.slice(1)}`,
  (s) => s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)),
];

export const header = (field: FieldId) =>
  fc.tuple(fc.constantFrom(...FIELD_SYNONYMS[field]), fc.integer({ min: 0, max: DECORATIONS.length - 1 })).map(([syn, d]) => DECORATIONS[d](syn));

export interface CellExpectation {
  cell: string;
  bad: boolean;
  kind: FieldKind;
  value: unknown;
}

export interface RosterCase {
  input: WorkbookInput;
  sheet: string;
  expectations: CellExpectation[];
}

type Slot = "good" | "bad" | "blank";
const slot = fc.constantFrom<Slot>("good", "good", "good", "good", "good", "bad", "bad", "blank", "blank");

interface ColumnSpec {
  field: FieldId | "serial" | "phone";
  header: string;
}

const columnSpecs = fc
  .tuple(
    fc.subarray(VALUE_FIELDS, { minLength: 1, maxLength: 8 }),
    fc.boolean(),
    fc.boolean(),
  )
  .chain(([fields, serial, phone]) =>
    fc.tuple(header("name"), ...fields.map(header)).chain(([nameHeader, ...headers]) => {
      const specs: ColumnSpec[] = [{ field: "name", header: nameHeader }, ...fields.map((field, i) => ({ field, header: headers[i] }))];
      if (phone) specs.push({ field: "phone", header: "联系电话" });
      return fc.shuffledSubarray(specs, { minLength: specs.length, maxLength: specs.length }).map((shuffled) => (serial ? [{ field: "serial" as const, header: "序号" }, ...shuffled] : shuffled));
    }),
  );

/** One cell of a data row: its slot and the value drawn for it. */
function cellFor(field: ColumnSpec["field"], s: Slot, i: number): fc.Arbitrary<unknown> {
  if (field === "serial") return fc.constant(i + 1);
  if (field === "phone") return fc.stringMatching(/^1[3-9]\d{9}$/);
  if (s === "blank") return blank;
  const kind = FIELD_KINDS[field];
  return wrapped(s === "good" ? GOOD[kind] : BAD[kind]);
}

/**
 * A roster as a secretary keeps it, with a known expectation for every cell: title rows, the
 * header on a random row (or a two-row header with merged groups), columns shuffled, synonyms
 * decorated, good, bad and blank cells, blank rows between, footers, and a random origin.
 */
export const rosterCase: fc.Arbitrary<RosterCase> = fc
  .record({
    columns: columnSpecs,
    titleRows: fc.integer({ min: 0, max: 3 }),
    mergeTitle: fc.constantFrom<"none" | "table" | "wide">("none", "table", "wide"),
    titleNote: fc.boolean(),
    twoRow: fc.boolean(),
    origin: fc.record({ row: fc.integer({ min: 0, max: 3 }), col: fc.integer({ min: 0, max: 3 }) }),
    rowCount: fc.integer({ min: 1, max: 10 }),
    footer: fc.constantFrom(null, "合计", "填表人：刘洋", "说明：学时以党员教育平台记录为准", "小计"),
    ragged: fc.boolean(),
    sheet: fc.constantFrom("党员名单", "Sheet1", "2025年评议", "学习 情况"),
  })
  .chain((p) =>
    fc
      .array(
        fc.tuple(fc.constantFrom<Slot>("good", "good", "good", "good", "good", "good", "good", "good", "bad", "blank"), fc.array(slot, { minLength: p.columns.length, maxLength: p.columns.length }), fc.integer({ min: 0, max: 9 })),
        { minLength: p.rowCount, maxLength: p.rowCount },
      )
      .chain((rowSlots) =>
        fc
          .tuple(
            ...rowSlots.map(([nameSlot, slots], i) =>
              fc.tuple(...p.columns.map((col, c) => (col.field === "name" ? (nameSlot === "blank" ? blank : nameSlot === "bad" ? BAD.name : wrapped(name)) : cellFor(col.field, slots[c], i)))),
            ),
          )
          .map((rows) => buildRoster(p, rowSlots, rows as unknown[][])),
      ),
  );

interface RosterParams {
  columns: ColumnSpec[];
  titleRows: number;
  mergeTitle: "none" | "table" | "wide";
  titleNote: boolean;
  twoRow: boolean;
  origin: { row: number; col: number };
  footer: string | null;
  ragged: boolean;
  sheet: string;
}

function buildRoster(p: RosterParams, rowSlots: [Slot, Slot[], number][], rows: unknown[][]): RosterCase {
  const width = p.columns.length;
  const values: unknown[][] = [];
  const merges: CellRange[] = [];
  const o = p.origin;
  for (let t = 0; t < p.titleRows; t++) {
    const title: unknown[] = t === 0 ? ["机关党委 2025 年度民主评议党员登记表"] : [];
    // a note far right on the last title row, as some forms print the date there
    if (t === p.titleRows - 1 && p.titleNote) title[width + 1] = "填报日期：2025年3月1日";
    values.push(title);
    const right = p.mergeTitle === "wide" ? width + 9 : width - 1;
    if (t === 0 && p.mergeTitle !== "none" && right > 0) merges.push({ top: o.row, left: o.col, bottom: o.row, right: o.col + right });
  }
  if (p.twoRow && width > 1) {
    const half = Math.ceil(width / 2);
    const upper: unknown[] = new Array(width).fill(null);
    upper[0] = "基本情况";
    upper[half] = width > half ? "评议情况" : null;
    const r = o.row + values.length;
    if (half > 1) merges.push({ top: r, left: o.col, bottom: r, right: o.col + half - 1 });
    if (width - half > 1) merges.push({ top: r, left: o.col + half, bottom: r, right: o.col + width - 1 });
    values.push(upper);
  }
  values.push(p.columns.map((c) => c.header));
  const expectations: CellExpectation[] = [];
  const nameCol = p.columns.findIndex((c) => c.field === "name");
  rows.forEach((row, i) => {
    const [nameSlot, slots, gap] = rowSlots[i];
    if (gap === 0) values.push([]);
    const r = o.row + values.length;
    const out = p.ragged ? trimRow(row) : row;
    values.push(out);
    const filled = row.some((v, c) => c !== nameCol && p.columns[c].field !== "serial" && p.columns[c].field !== "phone" && isFilled(v));
    if (nameSlot === "bad") expectations.push({ cell: a1(r, o.col + nameCol), bad: true, kind: "name", value: row[nameCol] });
    else if (nameSlot === "blank" && filled) expectations.push({ cell: a1(r, o.col + nameCol), bad: true, kind: "name", value: row[nameCol] });
    if (nameSlot !== "good") return;
    p.columns.forEach((col, c) => {
      if (col.field === "name" || col.field === "serial" || col.field === "phone") return;
      if (slots[c] === "blank") return;
      expectations.push({ cell: a1(r, o.col + c), bad: slots[c] === "bad", kind: FIELD_KINDS[col.field], value: row[c] });
    });
  });
  if (p.footer) values.push([p.footer]);
  return { input: { sheets: [{ name: p.sheet, values, merges, origin: o }] }, sheet: p.sheet, expectations };
}

function isFilled(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === "string") return v.trim() !== "";
  if (typeof v === "object" && v !== null && "result" in v) return isFilled((v as { result: unknown }).result);
  return true;
}

function trimRow(row: unknown[]): unknown[] {
  let end = row.length;
  while (end > 0 && !isFilled(row[end - 1])) end--;
  return row.slice(0, end);
}

/** Headers of every field plus columns no field claims. */
const anyHeader = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...(Object.keys(FIELD_SYNONYMS) as FieldId[])).chain(header) },
  { weight: 1, arbitrary: fc.constantFrom("序号", "备注", "联系电话", "出生年月", "满意", "应到", "实到", "优秀", "〔评议〕学习情况", "不满意度", "未参加") },
  { weight: 1, arbitrary: anyCell },
);

const numberFormat = fc.constantFrom(null, undefined, "General", "0%", "0.00%", "yyyy-mm-dd", "@", '0"学时"', "m/d/yy h:mm", "[$-804]yyyy\"年\"m\"月\"");

export interface ChaosOptions {
  maxSheets: number;
  maxRows: number;
  maxCols: number;
}

/** One sheet: maybe a table (title, headers, data, footer), maybe only junk; random merges and formats. */
function chaosSheet(o: ChaosOptions): fc.Arbitrary<SheetGrid> {
  return fc
    .record({
      name: fc.constantFrom("党员名单", "花名册", "学习情况", "满意度测评", "票决", "Sheet1", "评议-支部汇总", "单位测评"),
      title: fc.array(fc.array(anyCell, { maxLength: 3 }), { maxLength: 3 }),
      headers: fc
        .tuple(fc.option(header("name"), { freq: 5 }), fc.array(anyHeader, { minLength: 1, maxLength: o.maxCols - 1 }), fc.nat())
        .map(([nameHeader, rest, at]) => (nameHeader === null ? rest : [...rest.slice(0, at % (rest.length + 1)), nameHeader, ...rest.slice(at % (rest.length + 1))])),
      upper: fc.option(fc.array(fc.oneof(blank, fc.constantFrom("考勤", "测评", "民主评议表决", "基本信息")), { maxLength: o.maxCols })),
      rows: fc.array(
        fc.array(fc.oneof({ weight: 2, arbitrary: anyCell }, { weight: 1, arbitrary: name }, { weight: 3, arbitrary: fc.constantFrom(...(Object.keys(GOOD) as FieldKind[])).chain((k) => GOOD[k]) }), { maxLength: o.maxCols + 2 }),
        { maxLength: o.maxRows },
      ),
      footer: fc.array(fc.array(anyCell, { maxLength: 3 }), { maxLength: 2 }),
      merges: fc.array(fc.record({ top: fc.integer({ min: -1, max: 8 }), left: fc.integer({ min: -1, max: 12 }), bottom: fc.integer({ min: 0, max: 8 }), right: fc.integer({ min: 0, max: 14 }) }), { maxLength: 3 }),
      formats: fc.option(numberFormat),
      origin: fc.option(fc.record({ row: fc.integer({ min: 0, max: 4 }), col: fc.integer({ min: 0, max: 4 }) })),
      junk: fc.constantFrom(false, false, false, false, false, true),
    })
    .map((s) => {
      const values: unknown[][] = s.junk ? s.rows : [...s.title, ...(s.upper ? [s.upper] : []), s.headers, ...s.rows, ...s.footer];
      const numberFormats = s.formats === null ? undefined : values.map((row) => row.map((_, c) => (c % 3 === 1 ? s.formats : null)));
      const merges = s.merges.filter((m) => m.bottom >= m.top && m.right >= m.left && (m.bottom > m.top || m.right > m.left));
      return { name: s.name, values, ...(numberFormats ? { numberFormats } : {}), merges, ...(s.origin ? { origin: s.origin } : {}) };
    });
}

/** Whole workbooks of junk and half-tables: nothing here may crash the engine. */
export function chaosWorkbook(o: ChaosOptions): fc.Arbitrary<WorkbookInput> {
  return fc.uniqueArray(chaosSheet(o), { minLength: 1, maxLength: o.maxSheets, selector: (s) => s.name }).map((sheets) => ({ sheets }));
}
