import { promises as fs } from "node:fs";
import * as path from "node:path";
import { XianjiaoError } from "../errors";
import { applyScheme, formatRuleErrors, resolveRules, withBatchStart, type RuleSet } from "../engine";

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function checkDate(option: string, value: string): string {
  const trimmed = value.trim();
  if (!isIsoDate(trimmed)) throw new XianjiaoError("BAD_DATE", { option, value });
  return trimmed;
}

/** The local calendar date of `now`, as YYYY-MM-DD. */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

async function readRulesFile(file: string): Promise<unknown> {
  const name = path.basename(file);
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new XianjiaoError("FILE_NOT_FOUND", { file: name }, { cause: error });
    throw new XianjiaoError("RULES_FILE_UNREADABLE", { file: name, detail: code ?? String(error) }, { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    if (error instanceof RangeError) throw new XianjiaoError("RULES_TOO_DEEP", { file: name, depth: MAX_RULES_DEPTH }, { cause: error });
    throw new XianjiaoError("RULES_FILE_UNREADABLE", { file: name, detail: syntaxError(text, error) }, { cause: error });
  }
  if (depthOver(value, MAX_RULES_DEPTH)) throw new XianjiaoError("RULES_TOO_DEEP", { file: name, depth: MAX_RULES_DEPTH });
  return value;
}

/** Where JSON.parse stopped, as a line and column ("第 3 行第 14 列附近格式有误"). */
function syntaxError(text: string, error: unknown): string {
  const at = /position (\d+)/.exec(error instanceof Error ? error.message : "");
  if (!at) return "JSON 格式有误";
  const before = text.replace(/^\uFEFF/, "").slice(0, Number(at[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return `第 ${line} 行第 ${column} 列附近 JSON 格式有误`;
}

/** Rule settings nest three levels; a file nested deeper than this is not a rule file (and would overflow the checks). */
const MAX_RULES_DEPTH = 32;

/** True when a parsed JSON value nests objects or arrays more than `max` levels deep (walked without recursion). */
function depthOver(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (depth > max) return true;
    for (const child of Object.values(v)) if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
  }
  return false;
}

export interface RuleOptions {
  rules?: string;
  scheme?: string;
  batchStart?: string;
}

/** The rule set from the defaults, a unit's rule file, then --scheme and --batch-start. */
export async function loadRules(options: RuleOptions): Promise<RuleSet> {
  let scheme: "三阶段" | "四阶段" | undefined;
  if (options.scheme !== undefined) {
    const value = options.scheme.trim();
    if (value !== "三阶段" && value !== "四阶段") throw new XianjiaoError("BAD_SCHEME", { value: options.scheme });
    scheme = value;
  }
  const batchStart = options.batchStart === undefined ? undefined : checkDate("--batch-start", options.batchStart);
  const override = options.rules === undefined ? undefined : await readRulesFile(options.rules);
  const resolved = resolveRules(override);
  if (!resolved.ok) {
    const file = options.rules ? path.basename(options.rules) : "默认规则";
    throw new XianjiaoError("RULES_INVALID", { file, detail: formatRuleErrors(resolved.errors).replace(/\n/g, "；") });
  }
  let rules = resolved.rules;
  if (scheme) rules = applyScheme(rules, scheme);
  if (batchStart) rules = withBatchStart(rules, batchStart);
  return rules;
}

/** True when both paths name the same file (same path, or the same file through a link). */
export async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

export async function fileSize(file: string): Promise<number> {
  try {
    return (await fs.stat(file)).size;
  } catch {
    return 0;
  }
}
