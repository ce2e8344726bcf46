import { XianjiaoError } from "../../errors";
import { SHEET_MARK, type SheetPlan } from "../../engine/plan/types";
import type { PackageRead } from "./read";
import { parseRelationships, relsPartOf, REL, resolveTarget, type SheetEntry } from "./parts";
import type { ZipReader } from "./zip-read";

/** One of our sheets to add: where it goes in the package, and its chart's parts. */
export interface NewSheet {
  plan: SheetPlan;
  name: string;
  sheetId: number;
  relId: string;
  part: string;
  chart: { drawingPart: string; chartPart: string } | null;
}

export interface SheetLayout {
  /** Earlier sheets of ours that the new ones replace. */
  removed: SheetEntry[];
  /** Zip entries that go with them (sheet, its rels, its drawing and chart), lower-cased. */
  removedParts: Set<string>;
  added: NewSheet[];
}

/** A free part name `folder/stemN.xml`, N from 1, not taken by `taken` (lower-cased names). */
function freePart(taken: Set<string>, folder: string, stem: string): string {
  for (let n = 1; ; n++) {
    const part = `${folder}/${stem}${n}.xml`;
    if (!taken.has(part.toLowerCase())) {
      taken.add(part.toLowerCase());
      return part;
    }
  }
}

/** Parts a removed sheet brings along: its rels, and the drawings and charts they name. */
async function partsOf(zip: ZipReader, part: string, into: Set<string>): Promise<void> {
  into.add(part.toLowerCase());
  const rels = relsPartOf(part);
  if (!zip.has(rels)) return;
  into.add(rels.toLowerCase());
  for (const rel of parseRelationships(await zip.text(rels))) {
    if (rel.external || !(rel.type.endsWith(REL.drawing) || rel.type.endsWith(REL.chart))) continue;
    const target = resolveTarget(part, rel.target);
    if (!into.has(target.toLowerCase()) && zip.has(target)) await partsOf(zip, target, into);
  }
}

/**
 * Names our sheets as the exceljs host did: the planned name, else "name(2)", "name(3)"… past
 * a user's sheet of that name; an earlier sheet of ours (A1 starting with SHEET_MARK) under the
 * chosen name is replaced. A user's sheet is never touched, whatever its name.
 */
export async function layoutSheets(read: PackageRead, plans: SheetPlan[], zip: ZipReader): Promise<SheetLayout> {
  const ours = new Set(read.sheets.filter((s) => s.a1Text !== null && s.a1Text.startsWith(SHEET_MARK)).map((s) => s.entry));
  const present: { name: string; entry: SheetEntry | null }[] = read.workbook.sheets.map((entry) => ({ name: entry.name, entry }));
  const removed: SheetEntry[] = [];
  const removedParts = new Set<string>();
  const taken = new Set(zip.names.map((n) => n.toLowerCase()));
  const chosen: { plan: SheetPlan; name: string }[] = [];
  for (const plan of plans) {
    let name: string | null = null;
    for (let n = 1; n < 100 && name === null; n++) {
      const candidate = n === 1 ? plan.name : `${plan.name}(${n})`;
      const at = present.findIndex((p) => p.name.toLowerCase() === candidate.toLowerCase());
      if (at < 0) name = candidate;
      else if (present[at].entry === null || ours.has(present[at].entry!)) {
        const entry = present[at].entry;
        if (entry) {
          removed.push(entry);
          await partsOf(zip, entry.part, removedParts);
        }
        present.splice(at, 1);
        name = candidate;
      }
    }
    if (name === null) throw new XianjiaoError("SHEET_NAMES_TAKEN", { sheet: plan.name });
    present.push({ name, entry: null });
    chosen.push({ plan, name });
  }
  // the calculation chain names formula cells by sheet id: when it names a sheet that goes, it
  // goes too (spreadsheet programs rebuild it)
  const chainRel = read.workbook.relationships.find((r) => r.type.endsWith(REL.calcChain) && !r.external);
  const chain = chainRel ? resolveTarget(read.workbook.workbookPart, chainRel.target) : null;
  if (chain && removed.length > 0 && zip.has(chain)) {
    const ids = new Set(removed.map((s) => String(s.sheetId)));
    const text = await zip.text(chain);
    if ([...text.matchAll(/\si\s*=\s*"(\d+)"/g)].some((m) => ids.has(m[1]))) removedParts.add(chain.toLowerCase());
  }
  for (const part of removedParts) taken.delete(part);
  // ids of the sheets replaced are free again, so a re-run writes the same package
  const gone = new Set(removed);
  const kept = read.workbook.sheets.filter((s) => !gone.has(s));
  let sheetId = Math.max(0, ...kept.map((s) => s.sheetId));
  const goneRels = new Set(removed.map((s) => s.relId));
  const relIds = new Set(read.workbook.relationships.map((r) => r.id).filter((id) => !goneRels.has(id)));
  let relNumber = 0;
  const nextRelId = () => {
    let id: string;
    do id = `rId${++relNumber}`;
    while (relIds.has(id));
    relIds.add(id);
    return id;
  };
  const added = chosen.map(({ plan, name }): NewSheet => ({
    plan,
    name,
    sheetId: ++sheetId,
    relId: nextRelId(),
    part: freePart(taken, "xl/worksheets", "sheet"),
    chart: plan.chart ? { drawingPart: freePart(taken, "xl/drawings", "drawing"), chartPart: freePart(taken, "xl/charts", "chart") } : null,
  }));
  return { removed, removedParts, added };
}
