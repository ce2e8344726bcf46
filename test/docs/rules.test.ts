import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { DEFAULT_RULES, STAGE_PRESETS } from "../../src/engine/rules";

/*
 * docs/评议规则.md is what users are told (the README and the support page link to it): every
 * default it states as `setting` = value must be the rule set's, and every threshold of the rule
 * set must be stated there.
 */

const DOC = readFileSync(resolve(__dirname, "../../docs/评议规则.md"), "utf8");

/** "50" → 50, "1/3" → 1/3, "不检查" → null. */
function valueOf(text: string): number | null {
  if (text.startsWith("不检查")) return null;
  const m = /^(\d+(?:\.\d+)?)(?:\/(\d+))?/.exec(text);
  if (!m) throw new Error(`cannot read the value “${text}”`);
  return m[2] ? Number(m[1]) / Number(m[2]) : Number(m[1]);
}

function atPath(path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], DEFAULT_RULES);
}

/** The thresholds of the rule set: its numbers and switchable (null) settings, stages and dates (batch starts), the unit and its report address aside. */
function thresholds(node: unknown, prefix = ""): string[] {
  if (node === null || typeof node === "number") return [prefix];
  if (typeof node !== "object" || Array.isArray(node)) return [];
  return Object.entries(node as Record<string, unknown>)
    .filter(([key]) => !["stages", "batchStart", "batches", "unitName", "reportEmail"].includes(key))
    .flatMap(([key, value]) => thresholds(value, prefix ? `${prefix}.${key}` : key));
}

const stated = [...DOC.matchAll(/`([a-zA-Z]+(?:\.[a-zA-Z]+)+)` = ([^\s，。；（）|]+)/g)].map((m) => ({ path: m[1], text: m[2] }));

test("every default the document states is the rule set's", () => {
  expect(stated.length).toBeGreaterThanOrEqual(9);
  for (const { path, text } of stated) {
    const actual = atPath(path);
    const written = valueOf(text);
    if (written === null || actual === null) expect({ path, written }).toEqual({ path, written: actual });
    else expect({ path, written: written.toFixed(6) }).toEqual({ path, written: (actual as number).toFixed(6) });
  }
});

test("every threshold of the rule set is stated in the document", () => {
  const paths = thresholds(DEFAULT_RULES);
  expect(paths).toEqual(expect.arrayContaining(["study.minHours", "attendance.minRate", "ballot.passShare", "unitSurvey.remedialAbove"]));
  for (const path of paths) expect({ path, stated: stated.some((s) => s.path === path) }).toEqual({ path, stated: true });
});

test("the stage table is the rule set's two presets, day for day", () => {
  const rows = [...DOC.matchAll(/^\| (三阶段|四阶段) \| ([^|（]+)(?:（[^|]*）)? \| (\d+) \|/gm)].map((m) => ({ scheme: m[1], name: m[2].trim(), days: Number(m[3]) }));
  const presets = Object.entries(STAGE_PRESETS).flatMap(([scheme, stages]) => stages.map((s) => ({ scheme, name: s.name, days: s.days })));
  expect(rows).toEqual(presets);
  expect(DOC).toContain(`默认是${DEFAULT_RULES.stages.scheme}`);
});

test("every rule R1–R16 has its row, with what it does and its source", () => {
  const rows = [...DOC.matchAll(/^\| (R\d+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \|$/gm)];
  expect(rows.map((m) => m[1])).toEqual(Array.from({ length: 16 }, (_, i) => `R${i + 1}`));
  for (const m of rows) for (const cell of m.slice(2)) expect(cell.trim().length).toBeGreaterThan(1);
});
