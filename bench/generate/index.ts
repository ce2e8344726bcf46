import type { WorkbookInput } from "../../src/engine/types";
import { specsToInput } from "./grids";
import { makePopulation, type BenchPopulation } from "./people";
import { workbookSpecs, type SheetSpec } from "./sheets";
import { cachedXlsx, writeSpecsXlsx } from "./xlsx";

export { makePopulation, type BenchMember, type BenchBranch, type BenchPopulation } from "./people";
export { workbookSpecs, type SheetSpec } from "./sheets";
export { specToGrid, specsToInput } from "./grids";
export { writeSpecsXlsx, cachedXlsx, cacheDir, GENERATOR_VERSION } from "./xlsx";

export const DEFAULT_SEED = 20250320;

export interface GeneratedWorkbook {
  population: BenchPopulation;
  sheets: SheetSpec[];
}

/** A realistic workbook of `members` members: roster, study, satisfaction and ballot sheets. */
export function generateWorkbook(members: number, seed = DEFAULT_SEED): GeneratedWorkbook {
  const population = makePopulation(members, seed);
  return { population, sheets: workbookSpecs(population, seed) };
}

/** The same workbook as the engine's grids, as a host would read it. */
export function generateInput(members: number, seed = DEFAULT_SEED): WorkbookInput {
  return specsToInput(generateWorkbook(members, seed).sheets);
}

/** The same workbook as an .xlsx file in the cache folder (generated once per size and seed). */
export function generateXlsx(members: number, seed = DEFAULT_SEED, dir?: string): Promise<{ file: string; bytes: number; generated: boolean }> {
  return cachedXlsx(members, seed, (file) => writeSpecsXlsx(generateWorkbook(members, seed).sheets, file), dir);
}
