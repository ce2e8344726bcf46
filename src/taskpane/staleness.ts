import { canonicalJson, type ColumnOverrides, type RuleSet } from "../engine";

/**
 * What a run's results depend on besides the workbook: the rule settings and the column
 * mappings, as one comparable text. Mappings that say nothing for a sheet are left out, so "no
 * mapping" and "an emptied one" compare equal.
 */
export function runBasis(rules: RuleSet, mappings: ColumnOverrides): string {
  const used: ColumnOverrides = {};
  for (const [sheet, fields] of Object.entries(mappings)) {
    if (fields && Object.values(fields).some((col) => col !== undefined)) used[sheet] = fields;
  }
  return canonicalJson({ rules, mappings: used });
}
