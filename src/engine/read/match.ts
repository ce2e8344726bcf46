import type { FieldId } from "../types";
import { FIELD_WORDS, HEADER_CONTEXTS, HEADER_FILLERS, UNIT_HEADERS } from "./synonyms";
import { normaliseHeader } from "./text";
import { FIELD_KINDS } from "./values";

/** A field's words, normalised as headers are, ready for matching. */
interface Vocabulary {
  field: FieldId;
  meaning: readonly string[];
  /** Word → 1 meaning, 2 qualifier, 4 needed (bits), fillers included as 0. */
  words: Map<string, number>;
  longest: number;
  hasNeeds: boolean;
}

const MEANING = 1;
const NEEDED = 4;

const exact = new Map<string, FieldId>();
const vocabularies: Vocabulary[] = [];
const fillers = HEADER_FILLERS.map(normaliseHeader).filter((w) => w !== "");

for (const field of Object.keys(FIELD_WORDS) as FieldId[]) {
  const entry = FIELD_WORDS[field];
  for (const raw of entry.headers) {
    const header = normaliseHeader(raw);
    if (!exact.has(header)) exact.set(header, field);
  }
  if (!entry.meaning || entry.meaning.length === 0) continue;
  const words = new Map<string, number>();
  const add = (raw: string, bit: number) => {
    const w = normaliseHeader(raw);
    if (w !== "") words.set(w, (words.get(w) ?? 0) | bit);
  };
  for (const w of fillers) add(w, 0);
  for (const w of entry.qualifiers ?? []) add(w, 2);
  for (const w of entry.meaning) add(w, MEANING);
  for (const w of entry.needs ?? []) add(w, NEEDED);
  let longest = 0;
  for (const w of words.keys()) longest = Math.max(longest, w.length);
  vocabularies.push({ field, meaning: entry.meaning.map(normaliseHeader), words, longest, hasNeeds: (entry.needs ?? []).length > 0 });
}

const contexts = HEADER_CONTEXTS.map((c) => ({
  keywords: c.keywords.map(normaliseHeader),
  fields: new Map(Object.entries(c.fields).map(([k, v]) => [normaliseHeader(k), v])),
}));

const unitHeaders = new Set(UNIT_HEADERS.map(normaliseHeader));

/** A list number in front of a header: "1.", "3、", "(二)", "一、". */
const ENUMERATOR = /^(?:\d{1,2}|[一二三四五六七八九十]{1,3})[.、)]|^\((?:\d{1,2}|[一二三四五六七八九十]{1,3})\)/;

/**
 * True when `header` is made entirely of the vocabulary's words, at least one of them a meaning
 * word (and a needed word when the field needs one). Tried word by word from every position
 * reached, so 学时数合计 reads as 学时 + 数 + 合计.
 */
function covers(v: Vocabulary, header: string): boolean {
  const need = MEANING | (v.hasNeeds ? NEEDED : 0);
  // reached[i]: the sets of flags (bit masks of MEANING | NEEDED, one bit per combination) seen at position i
  const reached = new Uint8Array(header.length + 1);
  reached[0] = 1; // combination 0 reached at the start
  for (let i = 0; i < header.length; i++) {
    const at = reached[i];
    if (at === 0) continue;
    const max = Math.min(v.longest, header.length - i);
    for (let len = 1; len <= max; len++) {
      const bits = v.words.get(header.substr(i, len));
      if (bits === undefined) continue;
      const flags = bits & (MEANING | NEEDED);
      let next = 0;
      for (let combo = 0; combo < 8; combo++) if (at & (1 << combo)) next |= 1 << (combo | flags);
      reached[i + len] |= next;
    }
  }
  const end = reached[header.length];
  for (let combo = 0; combo < 8; combo++) if (end & (1 << combo) && (combo & need) === need) return true;
  return false;
}

/** The field whose words alone make up the header; undefined when none or more than one do. */
function byMeaning(header: string): FieldId | undefined {
  let found: FieldId | undefined;
  for (const v of vocabularies) {
    if (!v.meaning.some((w) => header.includes(w))) continue;
    if (!covers(v, header)) continue;
    if (found !== undefined) return undefined; // two fields claim it: leave it to the user
    found = v.field;
  }
  return found;
}

const plainCache = new Map<string, FieldId | null>();

/** The field a normalised header names: one of its whole headers, else its meaning words and qualifiers. */
export function matchPlain(header: string): FieldId | undefined {
  if (header === "") return undefined;
  const hit = exact.get(header);
  if (hit) return hit;
  if (header.length > 40) return undefined;
  const cached = plainCache.get(header);
  if (cached !== undefined) return cached ?? undefined;
  const bare = header.replace(ENUMERATOR, "");
  const field = bare === "" ? undefined : (exact.get(bare) ?? byMeaning(bare));
  if (plainCache.size < 10_000) plainCache.set(header, field ?? null);
  return field;
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

const isMeasure = (field: FieldId) => {
  const kind = FIELD_KINDS[field];
  return kind === "number" || kind === "integer" || kind === "percent";
};

/**
 * A header cell: the group's context first (it says what "应到" counts), then the group and the
 * sub-header read as one ("上级党委审批" over "意见", "公示" over "日期"), then the header alone —
 * unless the group measures something else: 学时 under 集中学习 counts concentrated study, not
 * all study, and is left to the user.
 */
export function matchHeader(header: string, group?: string): { field: FieldId; byContext: boolean } | undefined {
  const field = header === "" ? undefined : matchPlain(header);
  if (group) {
    const inContext = matchInContext(header, group);
    if (inContext) return { field: inContext, byContext: true };
    if (header !== "" && !header.startsWith(group)) {
      const joined = matchPlain(group + header);
      if (joined) return { field: joined, byContext: true };
    }
    const ofGroup = field ? matchPlain(group) : undefined;
    if (field && ofGroup && ofGroup !== field && isMeasure(field) && isMeasure(ofGroup)) return undefined;
  }
  return field ? { field, byContext: false } : undefined;
}

/**
 * True when a normalised header holds one of the field's meaning words or whole headers: a
 * header the user may have meant for that field (学时要求, 线上学时 for 学时), to be named when the
 * field's rule is off.
 */
export function mayMean(header: string, field: FieldId): boolean {
  if (header === "") return false;
  for (const w of hintWords[field]) if (header.includes(w)) return true;
  return false;
}

/** Per field, its meaning words and whole headers of two characters or more, normalised: what mayMean looks for. */
const hintWords = Object.fromEntries(
  (Object.keys(FIELD_WORDS) as FieldId[]).map((field) => {
    const entry = FIELD_WORDS[field];
    const words = [...(entry.meaning ?? []), ...entry.headers].map(normaliseHeader).filter((w) => w.length >= 2);
    return [field, [...new Set(words)]];
  }),
) as Record<FieldId, string[]>;

export function isUnitHeader(header: string): boolean {
  return unitHeaders.has(header);
}
