import { plain, type Plain } from "./cell";
import {
  formatKind,
  readBatch,
  readCategory,
  readGrade,
  readMemberId,
  readNumber,
  readQuantity,
  readText,
  readYesNo,
  readYesOrDate,
  type FieldKind,
} from "./values";

export function parseValue(kind: FieldKind, v: Plain, format: string | null | undefined): unknown {
  switch (kind) {
    case "yesno":
      return readYesNo(v);
    case "yesOrDate":
      return readYesOrDate(v, format);
    case "number":
      return readQuantity(v, format, false);
    case "integer":
      return readQuantity(v, format, true);
    case "percent":
      return readNumber(v, format);
    case "category":
      return readCategory(v);
    case "grade":
      return readGrade(v);
    case "batch":
      return readBatch(v);
    case "id":
      return readMemberId(v);
    default:
      return readText(v);
  }
}

/** Kinds whose reading of a text cell depends on the text alone, and whose texts repeat. */
const REPEATING: ReadonlySet<FieldKind> = new Set<FieldKind>(["yesno", "yesOrDate", "number", "integer", "category", "grade", "batch", "text"]);
/** Distinct texts remembered per kind: a city's branch names fit, a column of free text does not grow without end. */
const CACHE_LIMIT = 50_000;

function general(kind: FieldKind, raw: unknown, format: string | null | undefined): unknown {
  const v = plain(raw);
  return v === undefined ? undefined : parseValue(kind, v, format);
}

/**
 * Reads one column's cells. Plain numbers in quantity columns and texts seen before in word
 * columns (是, 已提交, a branch's name) skip the general path: a city's workbook holds millions
 * of such cells. Results are exactly those of `parseValue`; undefined when the cell is blank or
 * reads as nothing.
 */
export class ColumnReader {
  private readonly quantity: boolean;
  private readonly integer: boolean;

  constructor(
    private readonly kind: FieldKind,
    /** Raw text → parsed value (Problems included; they are immutable), shared by columns of one kind. */
    private readonly cache: Map<string, unknown> | null,
  ) {
    this.quantity = kind === "number" || kind === "integer";
    this.integer = kind === "integer";
  }

  private lastText: string | null = null;
  private lastParsed: unknown = undefined;

  /** The last number format seen that leaves numbers as they are ("0", "General"). */
  private plainFormat: string | null = null;

  read(raw: unknown, format: string | null | undefined): unknown {
    if (typeof raw === "number") {
      if (this.quantity && raw >= 0 && (this.integer ? Number.isInteger(raw) : Number.isFinite(raw)) && this.isPlainFormat(format)) return raw;
    } else if (typeof raw === "string" && this.cache !== null) {
      // A column repeats its last word more often than not (是, 是, 是…).
      if (raw === this.lastText) return this.lastParsed;
      const cache = this.cache;
      let parsed = cache.get(raw);
      if (parsed === undefined && !cache.has(raw)) {
        parsed = general(this.kind, raw, format);
        if (cache.size < CACHE_LIMIT) cache.set(raw, parsed);
      }
      this.lastText = raw;
      this.lastParsed = parsed;
      return parsed;
    }
    return general(this.kind, raw, format);
  }

  /** True when `format` leaves numbers as they are (none, "General", "0"…). */
  isPlainFormat(format: string | null | undefined): boolean {
    if (!format || format === this.plainFormat) return true;
    if (formatKind(format) !== "plain") return false;
    this.plainFormat = format;
    return true;
  }
}

/** One reader per column, columns of one kind sharing what they learnt. */
export function columnReaders(kinds: readonly FieldKind[]): ColumnReader[] {
  const caches = new Map<FieldKind, Map<string, unknown>>();
  return kinds.map((kind) => {
    if (!REPEATING.has(kind)) return new ColumnReader(kind, null);
    let cache = caches.get(kind);
    if (cache === undefined) caches.set(kind, (cache = new Map()));
    return new ColumnReader(kind, cache);
  });
}
