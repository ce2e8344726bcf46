import { a1, type Rect } from "../address";
import type { ConsolidatedSheetKind, SummarySheetKind } from "../plan/types";

/**
 * Markers we leave in a workbook so a later run knows what is ours: sheet-scoped defined names,
 * which nobody creates by accident, which Excel carries through a sheet's rename, move and copy,
 * and which follow our columns when the user inserts or deletes columns.
 *
 *  - XianjiaoSheet on each sheet we create: ="kind|hash|name", the hash of what we wrote and the
 *    name we gave the sheet (a different name now means the user renamed it).
 *  - XianjiaoResults on a roster sheet: the header cells of our result block.
 */
export const SHEET_MARKER = "XianjiaoSheet";
export const BLOCK_MARKER = "XianjiaoResults";

export type OurSheetKind = SummarySheetKind | ConsolidatedSheetKind | "record";

const KINDS: readonly OurSheetKind[] = [
  "branches",
  "stages",
  "issues",
  "unitSurvey",
  "about",
  "register",
  "technical",
  "record",
  "consolidatedUnits",
  "consolidatedBranches",
  "consolidatedAbout",
  "consolidatedTechnical",
];

/** Kinds a consolidation writes; the others are an evaluation's. Each replaces only its own. */
export function isConsolidatedKind(kind: OurSheetKind): kind is ConsolidatedSheetKind {
  return kind.startsWith("consolidated");
}

export interface SheetMarker {
  kind: OurSheetKind;
  /** contentHash of the cells as we wrote them. */
  hash: string;
  /** The name we gave the sheet. */
  name: string;
}

export type { PlanName } from "../plan/types";

/** ="…" with quotes doubled, as Excel writes a text constant. */
function textConstant(text: string): string {
  return `="${text.replace(/"/g, '""')}"`;
}

export function sheetMarkerFormula(marker: SheetMarker): string {
  return textConstant(`${marker.kind}|${marker.hash}|${marker.name}`);
}

/** The text of a constant formula ="…" (or "…" as a package stores it); null for anything else. */
function constantText(formula: string): string | null {
  const m = /^=?\s*"((?:[^"]|"")*)"\s*$/.exec(formula);
  return m ? m[1].replace(/""/g, '"') : null;
}

export function parseSheetMarker(formula: string | undefined): SheetMarker | null {
  if (typeof formula !== "string") return null;
  const text = constantText(formula);
  if (text === null) return null;
  const first = text.indexOf("|");
  const second = first < 0 ? -1 : text.indexOf("|", first + 1);
  if (second < 0) return null;
  const kind = text.slice(0, first) as OurSheetKind;
  const hash = text.slice(first + 1, second);
  const name = text.slice(second + 1);
  if (!KINDS.includes(kind) || !/^[0-9a-z]{1,16}$/.test(hash) || name === "") return null;
  return { kind, hash, name };
}

/** 'Sheet name' as a reference writes it: quotes doubled, always quoted. */
export function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** ='Sheet'!$K$3:$P$3 over a rectangle of a sheet. */
export function rangeFormula(sheet: string, rect: Rect): string {
  const abs = (row: number, col: number) => a1(row, col).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  const start = abs(rect.top, rect.left);
  const end = abs(rect.bottom, rect.right);
  return `=${quotedSheet(sheet)}!${start === end ? start : `${start}:${end}`}`;
}

function columnIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/**
 * The rectangle of a reference formula (='Sheet'!$K$3:$P$3, Sheet!K3:P3, $K$3); null for
 * anything else (#REF! after its cells were deleted, a constant, several areas).
 */
export function parseRangeFormula(formula: string | undefined): Rect | null {
  if (typeof formula !== "string") return null;
  const m = /^=?\s*(?:(?:'(?:[^']|'')+'|[^'!=,\s]+)!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?\s*$/.exec(formula);
  if (!m) return null;
  const top = Number(m[2]) - 1;
  const left = columnIndex(m[1]);
  const bottom = m[4] ? Number(m[4]) - 1 : top;
  const right = m[3] ? columnIndex(m[3]) : left;
  if (top < 0 || left < 0 || bottom < top || right < left) return null;
  return { top, left, bottom, right };
}
