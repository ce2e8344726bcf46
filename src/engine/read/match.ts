import type { FieldId } from "../types";
import { CONTAINS_MIN_LENGTH, FIELD_SYNONYMS, HEADER_CONTEXTS, NEGATIONS, UNIT_HEADERS } from "./synonyms";
import { normaliseHeader } from "./text";

const exact = new Map<string, FieldId>();
const long: { syn: string; field: FieldId }[] = [];
for (const field of Object.keys(FIELD_SYNONYMS) as FieldId[]) {
  for (const raw of FIELD_SYNONYMS[field]) {
    const syn = normaliseHeader(raw);
    if (!exact.has(syn)) exact.set(syn, field);
    if (syn.length >= CONTAINS_MIN_LENGTH) long.push({ syn, field });
  }
}
// Longest first, so "基本合格票数" is tried before "合格票数".
long.sort((a, b) => b.syn.length - a.syn.length || (a.syn < b.syn ? -1 : a.syn > b.syn ? 1 : 0));

const contexts = HEADER_CONTEXTS.map((c) => ({
  keywords: c.keywords.map(normaliseHeader),
  fields: new Map(Object.entries(c.fields).map(([k, v]) => [normaliseHeader(k), v])),
}));

const unitHeaders = new Set(UNIT_HEADERS.map(normaliseHeader));

function hasNegationOutside(header: string, at: number, length: number): boolean {
  for (let i = 0; i < header.length; i++) {
    if (i >= at && i < at + length) continue;
    if (NEGATIONS.includes(header[i])) return true;
  }
  return false;
}

/**
 * The field a normalised header names: exact synonym first, then the longest long synonym it
 * contains (never when two fields tie, never when a negation sits outside the synonym).
 */
export function matchPlain(header: string): FieldId | undefined {
  if (header === "") return undefined;
  const hit = exact.get(header);
  if (hit) return hit;
  if (header.length > 40) return undefined;
  let found: FieldId | undefined;
  let foundLength = 0;
  for (const { syn, field } of long) {
    if (syn.length < foundLength) break;
    if (syn.length >= header.length) continue;
    const at = header.indexOf(syn);
    if (at < 0 || hasNegationOutside(header, at, syn.length)) continue;
    if (found && found !== field) return undefined; // two fields claim it: leave it to the user
    found = field;
    foundLength = syn.length;
  }
  return found;
}

/** The field a sub-header names under a group header, when the group gives it a meaning. */
export function matchInContext(header: string, group: string): FieldId | undefined {
  if (header === "" || group === "") return undefined;
  for (const c of contexts) {
    if (!c.keywords.some((k) => group.includes(k))) continue;
    const hit = c.fields.get(header);
    if (hit) return hit;
  }
  return undefined;
}

/** A header cell: context first (the group says what "应到" counts), then the header alone. */
export function matchHeader(header: string, group?: string): { field: FieldId; byContext: boolean } | undefined {
  if (group) {
    const inContext = matchInContext(header, group);
    if (inContext) return { field: inContext, byContext: true };
  }
  const field = matchPlain(header);
  return field ? { field, byContext: false } : undefined;
}

export function isUnitHeader(header: string): boolean {
  return unitHeaders.has(header);
}
