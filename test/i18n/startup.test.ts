import { legacyEn, legacyZh } from "../../src/i18n/legacy";
import { buildEn, buildZh, startupEn, startupZh } from "../../src/i18n/startup";
import { catalogue, type MessageKey } from "../../src/i18n/t";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test.each([
  ["start-up", startupZh, startupEn],
  ["build", buildZh, buildEn],
] as [string, Record<string, string>, Record<string, string>][])("every %s message has both languages, with the same placeholders, and is in the catalogue", (_, zh, en) => {
  const keys = Object.keys(zh);
  expect(Object.keys(en).sort()).toEqual([...keys].sort());
  for (const key of keys) {
    expect(zh[key]).toMatch(/[\u4e00-\u9fff]/);
    expect(en[key].trim()).not.toBe("");
    expect({ key, vars: placeholders(en[key]) }).toEqual({ key, vars: placeholders(zh[key]) });
    // English has no Chinese left but quoted names (“先教评议”, the button)
    expect({ key, rest: en[key].replace(/“[^”]*”/g, "") }).not.toEqual({ key, rest: expect.stringMatching(/[\u4e00-\u9fff]/) });
    expect(catalogue("zh-CN")[key as MessageKey]).toBe(zh[key]);
    expect(catalogue("en")[key as MessageKey]).toBe(en[key]);
  }
});

test("the ES5 script's few sentences are the catalogue's own", () => {
  for (const key of Object.keys(legacyZh) as (keyof typeof legacyZh)[]) {
    expect(startupZh[key]).toBe(legacyZh[key]);
    expect(startupEn[key]).toBe(legacyEn[key]);
  }
});
