import { isColumnOverrides, type ColumnOverrides } from "../engine";

/**
 * What the pane keeps in the document's settings: the rule settings and the column mappings the
 * secretary corrected. Earlier versions kept the rule settings alone.
 */
export interface StoredSettings {
  rules: unknown;
  mappings: ColumnOverrides;
}

export function toStored(rules: unknown, mappings: ColumnOverrides): StoredSettings {
  return { rules, mappings };
}

export function fromStored(value: unknown): StoredSettings | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "object" && !Array.isArray(value) && "rules" in value && "mappings" in value) {
    const { rules, mappings } = value as { rules: unknown; mappings: unknown };
    return { rules, mappings: isColumnOverrides(mappings) ? mappings : {} };
  }
  return { rules: value, mappings: {} };
}
