import { a1 } from "../address";
import type { HeaderCandidate, RecognisedTable, RuleOff } from "../types";

/**
 * The rules switched off, each with the headers the reader saw but did not recognise that may
 * be the columns it misses (学时要求 for 学时): the user is told which header to rename or map.
 */
export function withCandidates(rulesOff: readonly RuleOff[], tables: readonly RecognisedTable[]): RuleOff[] {
  return rulesOff.map((off) => {
    const candidates: HeaderCandidate[] = [];
    for (const field of off.missing) {
      for (const table of tables) {
        for (const h of table.unmappedHeaders) {
          if (h.mayBe?.includes(field)) candidates.push({ field, sheet: table.sheet, cell: a1(table.headerRow, h.col), header: h.header });
        }
      }
    }
    return { ...off, candidates };
  });
}
