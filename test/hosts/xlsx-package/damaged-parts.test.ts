import { writeFileSync } from "node:fs";
import fc from "fast-check";
import { t } from "../../../src/i18n/t";
import { cli, noStrayFiles } from "../../cli/helpers";
import { zip } from "../../files/zip";
import { CORPUS } from "./corpus";
import { makeTempDir } from "./helpers";

/**
 * A damaged small part — cut off, garbage, a DOCTYPE (with entities that must never be
 * expanded), a character XML forbids, an unbound prefix — is refused before anything is
 * written: exit 2, one sentence naming the part, no output and no temporary file.
 */

const SMALL_PARTS = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "docProps/app.xml", "docProps/core.xml"];
const base = () => CORPUS.find((c) => c.name === "WPS")!.parts();
const INPUT = "名单.xlsx";

let tmp: ReturnType<typeof makeTempDir>;
beforeAll(() => (tmp = makeTempDir()));
afterAll(() => tmp.cleanup());

async function evaluateWith(part: string, damage: (xml: string) => string): Promise<{ code: number; stdout: string; stderr: string }> {
  const parts = base();
  parts[part] = damage(parts[part] as string);
  const dir = makeTempDir();
  try {
    writeFileSync(dir.file(INPUT), zip(parts));
    const run = await cli("evaluate", dir.file(INPUT), "-o", dir.file("结果.xlsx"), "--today", "2025-03-25");
    noStrayFiles(dir.dir, [INPUT]);
    return run;
  } finally {
    dir.cleanup();
  }
}

const refused = (part: string) => ({ code: 2, stdout: "", stderr: t("error.PART_DAMAGED", { file: INPUT, part }) + "\n" });

/** The root element's local name, to write a DOCTYPE for it. */
const rootName = (xml: string) => /<([\w:.-]+)[\s>/]/.exec(xml.replace(/^<\?xml[^>]*\?>\s*/, ""))![1];
/** Text inserted just inside the root element. */
const insideRoot = (xml: string, text: string) => xml.replace(/(<[\w:.-]+(?:[^>"']|"[^"]*"|'[^']*')*>)/, (m) => (m.startsWith("<?") ? m : m + text));
const withoutDeclaration = (xml: string) => xml.replace(/^<\?xml[^>]*\?>\s*/, "");

const DAMAGES: [string, (xml: string) => string][] = [
  ["cut off in the middle", (xml) => xml.slice(0, Math.floor(xml.length / 2))],
  ["garbage", () => "这不是 XML：<<<>>>&"],
  ["empty", () => ""],
  [
    "a DOCTYPE with nested internal entities",
    (xml) => `<!DOCTYPE ${rootName(xml)} [<!ENTITY a "哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>${insideRoot(withoutDeclaration(xml), "&c;")}`,
  ],
  ["a DOCTYPE with an external entity", (xml) => `<!DOCTYPE ${rootName(xml)} [<!ENTITY x SYSTEM "file:///etc/passwd">]>${insideRoot(withoutDeclaration(xml), "&x;")}`],
  ["a DOCTYPE alone", (xml) => `<!DOCTYPE ${rootName(xml)}>${withoutDeclaration(xml)}`],
  ["a control character", (xml) => insideRoot(xml, "\u0001")],
  ["an unbound prefix", (xml) => insideRoot(xml, "<q:x/>")],
  ["a second root element", (xml) => `${xml}<extra/>`],
];

describe.each(SMALL_PARTS)("a damaged %s", (part) => {
  it.each(DAMAGES)("is refused: %s", async (_, damage) => {
    expect(await evaluateWith(part, damage)).toEqual(refused(part));
  });
});

describe("damaged worksheets", () => {
  it("refuses a worksheet with a DOCTYPE, never copying it", async () => {
    const run = await evaluateWith("xl/worksheets/sheet1.xml", (xml) => `<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>${withoutDeclaration(xml)}`);
    expect(run).toEqual({ code: 2, stdout: "", stderr: t("error.ZIP_CORRUPT", { file: INPUT }) + "\n" });
  });
});

describe("every truncation of every small part", () => {
  it("is refused with a sentence, never a crash or a broken output", async () => {
    const parts = base();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SMALL_PARTS), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), async (part, at) => {
        const cut = Math.floor((parts[part] as string).length * at);
        expect(await evaluateWith(part, (xml) => xml.slice(0, cut))).toEqual(refused(part));
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
