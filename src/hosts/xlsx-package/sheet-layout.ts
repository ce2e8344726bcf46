import * as path from "node:path";
import type { SheetPlan } from "../../engine/plan/types";
import { XianjiaoError } from "../../errors";
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
async function partsOf(zip: ZipReader, file: string, part: string, into: Set<string>): Promise<void> {
  into.add(part.toLowerCase());
  const rels = relsPartOf(part);
  if (!zip.has(rels)) return;
  into.add(rels.toLowerCase());
  for (const rel of parseRelationships(await zip.text(rels), { file, part: rels })) {
    if (rel.external || !(rel.type.endsWith(REL.drawing) || rel.type.endsWith(REL.chart))) continue;
    const target = resolveTarget(part, rel.target);
    if (!into.has(target.toLowerCase()) && zip.has(target)) await partsOf(zip, file, target, into);
  }
}

/**
 * Our sheets go in under the names the plan gives them; the earlier sheets of ours the plan
 * removes go, with their parts. A name still taken by a sheet that stays is refused: the engine
 * chose the names against this very package, so it can only be a plan for another workbook.
 */
export async function layoutSheets(read: PackageRead, plans: SheetPlan[], zip: ZipReader, removeSheets: readonly string[] = []): Promise<SheetLayout> {
  const file = path.basename(read.file);
  const removing = new Set(removeSheets.map((n) => n.toLowerCase()));
  const removed = read.workbook.sheets.filter((s) => removing.has(s.name.toLowerCase()));
  const removedParts = new Set<string>();
  for (const entry of removed) if (entry.part) await partsOf(zip, file, entry.part, removedParts);
  const staying = new Set(read.workbook.sheets.filter((s) => !removed.includes(s)).map((s) => s.name.toLowerCase()));
  const taken = new Set(zip.names.map((n) => n.toLowerCase()));
  const chosen: { plan: SheetPlan; name: string }[] = [];
  for (const plan of plans) {
    if (staying.has(plan.name.toLowerCase())) throw new XianjiaoError("SHEET_NAME_TAKEN", { file, sheet: plan.name });
    staying.add(plan.name.toLowerCase());
    chosen.push({ plan, name: plan.name });
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
