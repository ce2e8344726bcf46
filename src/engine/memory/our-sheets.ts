import type { DataIssue, SheetGrid, WorkbookInput } from "../types";
import { SHEET_MARK, type SheetPlan } from "../plan/types";
import { plain, plainText } from "../read/cell";
import { gridHash, planHash } from "./content-hash";
import { BLOCK_MARKER, isConsolidatedKind, parseSheetMarker, SHEET_MARKER, sheetMarkerFormula, type OurSheetKind, type PlanName, type SheetMarker } from "./markers";
import { parseRecord, type RunRecord } from "./record";

/** A sheet an earlier run of ours created, found by its marker. */
export interface FoundSheet {
  name: string;
  marker: SheetMarker;
  /** Its cells are still exactly what we wrote. */
  intact: boolean;
}

/** What earlier runs left in a workbook. */
export interface WorkbookMemory {
  found: FoundSheet[];
  /** Sheets of an older version (title in A1, no marker): never read, never removed. */
  legacy: string[];
  record: RunRecord | null;
  /** Sheets carrying a block marker. */
  blockMarked: Set<string>;
}

function gridName(grid: SheetGrid): string {
  return String(grid?.name ?? "");
}

/** A1 of a grid that starts at A1, as text. */
function firstCell(grid: SheetGrid): string {
  const o = grid.origin;
  if (o && (o.row !== 0 || o.col !== 0)) return "";
  const row = Array.isArray(grid.values) ? grid.values[0] : undefined;
  return Array.isArray(row) ? plainText(plain(row[0])) : "";
}

/** The marker of a sheet we created, or null. */
export function markerOf(grid: SheetGrid): SheetMarker | null {
  const names = grid && typeof grid === "object" ? grid.names : undefined;
  return names && typeof names === "object" ? parseSheetMarker(names[SHEET_MARKER]) : null;
}

/** Sheets never read as a member table: ours (marked) and an older version's (title in A1). */
export function isOursToSkip(grid: SheetGrid): boolean {
  return markerOf(grid) !== null || firstCell(grid).startsWith(SHEET_MARK);
}

/** Every sheet name a workbook has, worksheets and others (chart sheets): names ours must not take. */
export function allSheetNames(input: WorkbookInput): string[] {
  const names: string[] = [];
  for (const grid of input?.sheets ?? []) if (grid) names.push(gridName(grid));
  for (const name of input?.otherSheets ?? []) names.push(String(name));
  return names;
}

/** Finds our sheets, an older version's, and the run record. */
export function readMemory(input: WorkbookInput): WorkbookMemory {
  const memory: WorkbookMemory = { found: [], legacy: [], record: null, blockMarked: new Set() };
  const sheets = input && Array.isArray(input.sheets) ? input.sheets : [];
  for (const grid of sheets) {
    if (!grid || typeof grid !== "object") continue;
    const marker = markerOf(grid);
    const name = gridName(grid);
    if (grid.names && typeof grid.names === "object" && typeof grid.names[BLOCK_MARKER] === "string") memory.blockMarked.add(name);
    if (marker === null) {
      if (firstCell(grid).startsWith(SHEET_MARK)) memory.legacy.push(name);
      continue;
    }
    if (marker.kind === "record") {
      if (memory.record === null) memory.record = parseRecord(grid);
      memory.found.push({ name, marker, intact: true });
      continue;
    }
    memory.found.push({ name, marker, intact: gridHash(grid) === marker.hash });
  }
  return memory;
}

const lower = (name: string) => name.toLowerCase();
const MAX_SHEET_NAME = 31;

/** name, name(2), name(3)… cut to Excel's 31 characters. */
function candidate(base: string, n: number): string {
  if (n === 1) return base.slice(0, MAX_SHEET_NAME);
  const suffix = `(${n})`;
  return base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
}

export interface Placement {
  /** The name each of our sheets takes, by kind. */
  names: Map<OurSheetKind, string>;
  /** Earlier sheets of ours to delete before ours are written. */
  removeSheets: string[];
  issues: DataIssue[];
}

/**
 * Where our sheets go. Earlier sheets of ours whose cells are untouched and whose name is the one
 * we gave them are replaced; one the user edited or renamed, an older version's and every sheet of
 * the user's stay as they are, and ours take the next free name ("评议-支部汇总(2)"), with a
 * word on the issues sheet. The record sheet is always replaced. An evaluation replaces only an
 * evaluation's sheets and a consolidation only a consolidation's: a 先教办 may keep both in one
 * workbook.
 */
export function placeSheets(planned: readonly { kind: OurSheetKind; name: string }[], sheetNames: readonly string[], memory: WorkbookMemory): Placement {
  const consolidating = planned.some((p) => isConsolidatedKind(p.kind));
  const mine = memory.found.filter((f) => isConsolidatedKind(f.marker.kind) === consolidating);
  const removable = mine.filter((f) => f.marker.kind === "record" || (f.intact && f.marker.name === f.name));
  const removeSheets = removable.map((f) => f.name);
  const gone = new Set(removeSheets.map(lower));
  const taken = new Set<string>();
  for (const name of sheetNames) if (!gone.has(lower(name))) taken.add(lower(name));

  const names = new Map<OurSheetKind, string>();
  for (const plan of planned) {
    let name = plan.name;
    for (let n = 1; taken.has(lower((name = candidate(plan.name, n)))); n++);
    taken.add(lower(name));
    names.set(plan.kind, name);
  }

  const issues: DataIssue[] = [];
  for (const f of mine) {
    if (removable.includes(f)) continue;
    const params = { sheet: f.name, target: names.get(f.marker.kind) ?? "" };
    issues.push({ code: f.marker.name !== f.name ? "OUR_SHEET_RENAMED" : "OUR_SHEET_EDITED", sheet: f.name, cell: "", params });
  }
  if (!consolidating) for (const name of memory.legacy) issues.push({ code: "OLD_SHEET_KEPT", sheet: name, cell: "", params: { sheet: name } });
  return { names, removeSheets, issues };
}

/**
 * The marker of each sheet we write: its kind, the hash of its cells and its name. The run
 * record is replaced whatever it holds, so its megabytes of text are not hashed.
 */
export function sheetMarkers(plans: readonly SheetPlan[]): PlanName[] {
  return plans.map((plan) => {
    const hash = plan.kind === "record" ? "0" : planHash(plan.rows);
    return { sheet: plan.name, name: SHEET_MARKER, formula: sheetMarkerFormula({ kind: plan.kind, hash, name: plan.name }), replace: false };
  });
}
