import { SaxesParser } from "saxes";
import { textCell } from "../../../src/hosts/xlsx-package/row-patch";
import { setColumnWidths } from "../../../src/hosts/xlsx-package/sheet-head";
import { decodeXml, escapeAttribute, escapeText } from "../../../src/hosts/xlsx-package/xml-text";

/** Text we write is well-formed XML whatever it holds; column ranges split around our columns. */

function parses(xml: string): boolean {
  const parser = new SaxesParser();
  let ok = true;
  parser.on("error", () => (ok = false));
  parser.write(`<root>${xml}</root>`).close();
  return ok;
}

describe("XML text", () => {
  it("escapes markup and drops the characters XML 1.0 forbids", () => {
    const nasty = "=A1&<b>\u0001\u0008\u000B\uFFFE\uD800 \"引号\" 'x'\t\n\r";
    expect(escapeText(nasty)).toBe("=A1&amp;&lt;b&gt; \"引号\" 'x'\t\n\r");
    expect(parses(textCell(0, 0, nasty, null))).toBe(true);
    expect(parses(`<a b="${escapeAttribute(nasty)}"/>`)).toBe(true);
    expect(decodeXml(escapeText("a&b<c>"))).toBe("a&b<c>");
    expect(decodeXml("&#x4E2D;&#25991;&quot;&apos;&unknown;")).toBe("中文\"'&unknown;");
  });

  it("writes our text as an inline string, never a formula, spaces kept", () => {
    expect(textCell(2, 6, "=SUM(A1:A3)", 5)).toBe('<c r="G3" s="5" t="inlineStr"><is><t>=SUM(A1:A3)</t></is></c>');
    expect(textCell(0, 0, " 前后 ", null)).toContain('<t xml:space="preserve"> 前后 </t>');
  });
});

describe("column widths", () => {
  it("splits a range that covers our columns and keeps its other settings", () => {
    const head = '<sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="20" width="9" style="3" customWidth="1"/></cols>';
    const out = setColumnWidths(head, new Map([[6, 24], [7, 12]]), "");
    expect(out).toBe(
      '<sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="6" width="9" style="3" customWidth="1"/><col min="7" max="7" width="24" style="3" customWidth="1"/>' +
        '<col min="8" max="8" width="12" style="3" customWidth="1"/><col min="9" max="20" width="9" style="3" customWidth="1"/></cols>',
    );
  });

  it("adds <cols> when the sheet has none", () => {
    expect(setColumnWidths('<dimension ref="A1"/>', new Map([[0, 10]]), "")).toBe('<dimension ref="A1"/><cols><col min="1" max="1" width="10" customWidth="1"/></cols>');
  });
});
