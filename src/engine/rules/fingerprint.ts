import type { RuleSet } from "./schema";

/** JSON with object keys sorted at every level, so equal rule sets give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** FNV-1a over the UTF-16 code units of `text`, 32-bit, as 8 hex digits. */
function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/**
 * A short stable hash of the rule set (12 hex digits), written into exported summaries so a
 * consolidation can tell whether two units applied the same rules. The unit's name and its
 * batch start dates say who and when, not which rules, so they are left out: two units of one
 * campaign that started a week apart still compare equal; where the summary is sent is not a
 * rule either.
 */
export function ruleFingerprint(rules: RuleSet): string {
  const { unitName: _unitName, batchStart: _batchStart, batches: _batches, reportEmail: _reportEmail, ...compared } = rules;
  const text = canonicalJson(compared);
  return (fnv1a(text, 0x811c9dc5) + fnv1a(text, 0x050c5d1f)).slice(0, 12);
}
