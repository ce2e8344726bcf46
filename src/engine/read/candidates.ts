import { a1 } from "../address";
import type { HeaderCandidate, RecognisedTable, RuleOff } from "../types";

/**
 * The rules switched off, each with the headers the reader saw but did not recognise that may
 * be the columns it misses (学时要求 for 学时), and the columns of tables it could not read for want
 * of a name column: the user is told which header to rename or map.
 */
export function withCandidates(rulesOff: readonly RuleOff[], tables: readonly RecognisedTable[], nameless: readonly HeaderCandidate[] = []): RuleOff[] {
  return rulesOff.map((off) => {
    const candidates: HeaderCandidate[] = [];
    for (const field of off.missing) {
      for (const table of tables) {
        for (const h of table.unmappedHeaders) {
          if (h.mayBe?.includes(field)) candidates.push({ field, sheet: table.sheet, cell: a1(table.headerRow, h.col), header: h.header });
        }
      }
      // recognised, but in a table without names: the column is there, its table is not read
      for (const c of nameless) if (c.field === field) candidates.push(c);
    }
    return { ...off, candidates };
  });
}
