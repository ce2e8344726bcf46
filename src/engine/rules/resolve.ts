import type { z } from "zod";
import { presetStages } from "./presets";
import { DEFAULT_RULES } from "./presets";
import { EXPECT, ruleSetSchema, type PresetScheme, type RuleError, type RuleSet } from "./schema";

export type ResolveResult = { ok: true; rules: RuleSet } | { ok: false; errors: RuleError[] };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** "stages.list[2].days" from ["stages", "list", 2, "days"]. */
export function formatRulePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}

function ruleError(path: string, expected: string): RuleError {
  return { path, expected, message: path === "" ? `规则设置：${expected}` : `${path}：${expected}` };
}

/** Copies plain data so the merged result shares nothing with its inputs. */
function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = clone(v);
    return out as T;
  }
  return value;
}

/** Objects merge key by key; anything else (arrays, numbers, null) replaces. */
function deepMerge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return clone(override);
  const out: Record<string, unknown> = clone(base);
  for (const [k, v] of Object.entries(override)) {
    if (v === undefined) continue;
    out[k] = k in out ? deepMerge(out[k], v) : clone(v);
  }
  return out;
}

function toRuleErrors(error: z.ZodError): RuleError[] {
  const errors: RuleError[] = [];
  for (const issue of error.issues) {
    const path = formatRulePath(issue.path);
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) errors.push(ruleError(path === "" ? key : `${path}.${key}`, EXPECT.unknownKey));
    } else {
      errors.push(ruleError(path, issue.message));
    }
  }
  return errors;
}

/**
 * Applies a unit's override (parsed JSON, a settings form's partial object) on top of `base`.
 * The override changes only what it names; arrays replace; `stages.scheme` named without
 * `stages.list` brings that preset's list, and `stages.list` named without a scheme makes the
 * scheme "自定义". Unknown keys and bad values come back as field-level errors.
 */
export function resolveRules(override?: unknown, base: RuleSet = DEFAULT_RULES): ResolveResult {
  if (override === undefined || override === null) return validate(clone(base));
  if (!isPlainObject(override)) return { ok: false, errors: [ruleError("", EXPECT.object)] };

  const merged = deepMerge(base, override) as Record<string, unknown>;
  const stagesOverride = override.stages;
  if (isPlainObject(stagesOverride) && isPlainObject(merged.stages)) {
    const namesScheme = stagesOverride.scheme !== undefined;
    const namesList = stagesOverride.list !== undefined;
    const scheme = stagesOverride.scheme;
    if (namesScheme && !namesList && (scheme === "三阶段" || scheme === "四阶段")) {
      merged.stages.list = presetStages(scheme);
    } else if (namesList && !namesScheme) {
      merged.stages.scheme = "自定义";
    }
  }
  return validate(merged);
}

function validate(candidate: unknown): ResolveResult {
  const parsed = ruleSetSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, rules: parsed.data };
  return { ok: false, errors: toRuleErrors(parsed.error) };
}

/** One error per line, for the CLI and an error dialog. */
export function formatRuleErrors(errors: readonly RuleError[]): string {
  return errors.map((e) => e.message).join("\n");
}

/** The rule set with the stage list of a preset scheme. */
export function applyScheme(rules: RuleSet, scheme: PresetScheme): RuleSet {
  return { ...clone(rules), stages: { scheme, list: presetStages(scheme) } };
}

/** The rule set with another batch start date (ISO) or none. Throws nothing: validate first. */
export function withBatchStart(rules: RuleSet, iso: string | null): RuleSet {
  return { ...clone(rules), batchStart: iso };
}
