import { plain, type Plain } from "./cell";
import {
  readBatch,
  readCategory,
  readGrade,
  readMemberId,
  readNumber,
  readQuantity,
  readText,
  readYesNo,
  type FieldKind,
} from "./values";

export function parseValue(kind: FieldKind, v: Plain, format: string | null | undefined): unknown {
  switch (kind) {
    case "yesno":
      return readYesNo(v);
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
const REPEATING: ReadonlySet<FieldKind> = new Set<FieldKind>(["yesno", "number", "integer", "category", "grade", "batch", "text"]);
/** Distinct texts remembered per kind: a city's branch names fit, a column of free text does not grow without end. */
const CACHE_LIMIT = 50_000;

/**
 * Parses one table's cells column by column kind. Plain numbers in quantity columns and texts
 * seen before in word columns (是, 已提交, a branch's name) skip the general path: a city's
 * workbook holds millions of such cells. Results are exactly those of `parseValue`.
 */
export class CellParser {
  /** Per kind: raw text → parsed value (Problems included; they are immutable). */
  private readonly caches = new Map<FieldKind, Map<string, unknown>>();

  /** The parsed value of a raw cell: undefined when it is blank or reads as nothing. */
  parse(kind: FieldKind, raw: unknown, format: string | null | undefined): unknown {
    if (typeof raw === "number" && !format && (kind === "number" || kind === "integer")) {
      if (raw >= 0 && (kind === "integer" ? Number.isInteger(raw) : Number.isFinite(raw))) return raw;
    } else if (typeof raw === "string" && REPEATING.has(kind)) {
      let cache = this.caches.get(kind);
      if (cache === undefined) this.caches.set(kind, (cache = new Map()));
      let parsed = cache.get(raw);
      if (parsed === undefined && !cache.has(raw)) {
        parsed = this.general(kind, raw, format);
        if (cache.size < CACHE_LIMIT) cache.set(raw, parsed);
      }
      return parsed;
    }
    return this.general(kind, raw, format);
  }

  private general(kind: FieldKind, raw: unknown, format: string | null | undefined): unknown {
    const v = plain(raw);
    return v === undefined ? undefined : parseValue(kind, v, format);
  }
}
