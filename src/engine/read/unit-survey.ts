import type { DataIssue, FieldId, SheetGrid } from "../types";
import { a1 } from "../address";
import { isBlank, plain, plainText } from "./cell";
import type { LocatedHeader } from "./locate";
import { isUnitHeader } from "./match";
import { footerKind } from "./rows";
import { readText, readQuantity, Problem, valueText } from "./values";

export interface UnitSurveyCounts {
  sheet: string;
  unit: string;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
}

const COUNT_FIELDS = ["satisfied", "fairlySatisfied", "basicallySatisfied", "dissatisfied"] as const;

/** The unit column of a §4 survey table (单位 + 满意/不满意 counts, no 姓名), if this is one. */
export function unitColumn(header: LocatedHeader, columns: Map<FieldId, number>): number | undefined {
  if (columns.has("name") || !columns.has("satisfied") || !columns.has("dissatisfied")) return undefined;
  const taken = new Set(columns.values());
  for (let c = 0; c < header.norms.length; c++) if (!taken.has(c) && isUnitHeader(header.norms[c])) return c;
  return undefined;
}

/**
 * Reads a unit survey's rows. 比较满意 counts with 满意 (both are satisfied responses). A row
 * with a blank or unusable count is not counted: a missing count is not a zero.
 */
export function readUnitSurvey(
  grid: SheetGrid,
  header: LocatedHeader,
  columns: Map<FieldId, number>,
  unitCol: number,
  origin: { row: number; col: number },
): { surveys: UnitSurveyCounts[]; issues: DataIssue[] } {
  const surveys: UnitSurveyCounts[] = [];
  const issues: DataIssue[] = [];
  const values = grid.values;
  const present = COUNT_FIELDS.filter((f) => columns.has(f));
  for (let r = header.headerRow + 1; r < values.length; r++) {
    const row: unknown[] = Array.isArray(values[r]) ? values[r] : [];
    const first = row.findIndex((cell) => !isBlank(cell));
    if (first < 0) continue;
    const footer = footerKind(plainText(plain(row[first])));
    if (footer === "end") break;
    if (footer) continue;
    const unitPlain = plain(row[unitCol]);
    const unit = readText(unitPlain);
    if (unit === undefined || unit instanceof Problem) continue;
    const counts: Partial<Record<(typeof COUNT_FIELDS)[number], number>> = {};
    let usable = true;
    for (const f of present) {
      const col = columns.get(f)!;
      const v = plain(row[col]);
      const n = readQuantity(v, grid.numberFormats?.[r]?.[col], true);
      if (n instanceof Problem) {
        const text = valueText(v);
        issues.push({
          code: n.code,
          sheet: grid.name,
          cell: a1(r + origin.row, col + origin.col),
          ...(text ? { value: text } : {}),
          params: { field: header.texts[col] ?? "", name: unit, ...n.params },
        });
      }
      if (typeof n !== "number") usable = false;
      else counts[f] = n;
    }
    if (!usable) continue;
    surveys.push({
      sheet: grid.name,
      unit,
      satisfied: (counts.satisfied ?? 0) + (counts.fairlySatisfied ?? 0),
      basicallySatisfied: counts.basicallySatisfied ?? 0,
      dissatisfied: counts.dissatisfied ?? 0,
    });
  }
  return { surveys, issues };
}
