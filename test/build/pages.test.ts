/** @jest-environment jsdom */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { HIGHLIGHT_COLOURS } from "../../src/engine/plan/types";
import { highlightFor, RESULT_HIGHLIGHTS } from "../../src/engine/plan/highlights";
import { DEFAULT_RULES } from "../../src/engine/rules";
import { markdownToHtml } from "../../scripts/build/markdown";
import { COLOUR_GUIDE, RULES_PAGE, rulesPage, supportPage } from "../../scripts/build/pages";

const RULES_DOC = readFileSync(resolve(__dirname, "../../docs/评议规则.md"), "utf8");
const parse = (html: string) => new DOMParser().parseFromString(html, "text/html");

describe("the Markdown our documents use", () => {
  test("headings, paragraphs, lists, tables, code, bold and links become HTML", () => {
    const html = markdownToHtml(
      "# 标题\n\n第一行\n接第二行 and\nmore words\n\n- 一项\n  续行\n- **二项** 含 `code`\n\n| 甲 | 乙 |\n|---|---|\n| `a.b` = 1 | [规则](rules.html) |\n\n## 小节\n写成 `` `设置项` = 值 ``。",
    );
    expect(html).toBe(
      [
        "<h1>标题</h1>",
        "<p>第一行接第二行 and more words</p>",
        "<ul><li>一项续行</li><li><strong>二项</strong> 含 <code>code</code></li></ul>",
        '<table><thead><tr><th>甲</th><th>乙</th></tr></thead><tbody><tr><td><code>a.b</code> = 1</td><td><a href="rules.html">规则</a></td></tr></tbody></table>',
        "<h2>小节</h2>",
        "<p>写成 <code>`设置项` = 值</code>。</p>",
      ].join("\n"),
    );
  });

  test("HTML in the source stays text", () => {
    const html = markdownToHtml('<script>alert(1)</script> **<b>x</b>** `<i>` [a](javascript:void) [b](https://example.cn/x)');
    expect(html).not.toMatch(/<script|<b>|<i>|javascript:/);
    expect(parse(html).body.textContent).toBe("<script>alert(1)</script> <b>x</b> <i> a b");
    expect(html).toContain('<a href="https://example.cn/x">b</a>');
  });
});

describe("the support page (the manifest's SupportUrl)", () => {
  const contact = "县委组织部信息科 <张工>，电话 0000-1234567";
  const html = supportPage({ contact, version: "1.2.0", officeJs: "cdn" });
  const doc = parse(html);
  const text = doc.body.textContent ?? "";

  test("says what the add-in does, the steps, where data goes and who to ask, in Chinese", () => {
    expect(doc.documentElement.lang).toBe("zh-CN");
    expect(doc.title).toBe("先教评议助手 · 使用说明");
    expect([...doc.querySelectorAll("h2")].map((h) => h.textContent)).toEqual(["它做什么", "使用步骤", "颜色的含义", "评议规则", "数据去向", "遇到问题找谁"]);
    expect(text).toContain("从不改动您自己填写的单元格");
    expect(doc.querySelectorAll("ol li").length).toBeGreaterThanOrEqual(5);
    expect(text).toContain("不把工作簿的任何内容发往网络");
    expect(text).toContain(contact); // as text: the angle brackets did not become markup
    expect(html).toContain("&lt;张工&gt;");
    expect(text).toContain("版本 1.2.0");
  });

  test("names Microsoft's address among the downloads only when the build uses the CDN", () => {
    expect(text).toContain("appsforoffice.microsoft.com");
    expect(parse(supportPage({ contact, version: "1", officeJs: "local" })).body.textContent).not.toContain("microsoft.com");
  });

  test("the colours are the add-in's own, and each example text is one the add-in paints that colour", () => {
    const rows = [...doc.querySelectorAll("table tr")].slice(1);
    expect(rows.map((r) => r.querySelector("td")!.textContent)).toEqual(["红色", "黄色", "绿色", "深绿色", "灰色", "浅蓝色"]);
    for (const row of COLOUR_GUIDE) {
      for (const sample of row.samples) {
        const colours = RESULT_HIGHLIGHTS.map((column) => highlightFor(sample, column.rules)).filter(Boolean);
        expect({ sample, colour: colours[0] }).toEqual({ sample, colour: row.colour });
      }
    }
    const css = doc.querySelector("style")!.textContent!;
    for (const [colour, { fill, font }] of Object.entries(HIGHLIGHT_COLOURS)) expect(css).toContain(`.${colour} { background: ${fill}; color: ${font};`);
  });

  test("states the default thresholds of the rule set and links to the full rules", () => {
    expect(text).toContain(`不少于 ${DEFAULT_RULES.study.minHours} 学时`);
    expect(text).toContain(`低于 ${DEFAULT_RULES.satisfaction.rewriteBelow} 的`);
    expect(text).toContain(`连续 ${DEFAULT_RULES.absence.maxMonths} 个月`);
    expect(text).toContain("正式党员的三分之一");
    expect(doc.querySelector(`a[href="${RULES_PAGE}"]`)).not.toBeNull();
  });

  test("runs no script, and its policy allows its own style block only", () => {
    expect(doc.querySelectorAll("script")).toHaveLength(0);
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute("content")!;
    const hash = createHash("sha256").update(doc.querySelector("style")!.textContent!).digest("base64");
    expect(csp).toBe(`default-src 'none'; style-src 'sha256-${hash}'; img-src 'self'; base-uri 'none'; form-action 'none'`);
    expect(doc.querySelector("link[rel=icon]")!.getAttribute("href")).toBe("assets/icon-32.png"); // one the manifest names, so in dist/
  });
});

test("the rules page is docs/评议规则.md, every rule of it, with a way back to the support page", () => {
  const doc = parse(rulesPage(RULES_DOC));
  expect(doc.querySelector("h1")!.textContent).toBe("先教评议助手的评议规则");
  const ids = [...doc.querySelectorAll("td:first-child")].map((td) => td.textContent);
  for (let n = 1; n <= 16; n++) expect(ids).toContain(`R${n}`);
  expect(doc.querySelector('a[href="support.html"]')).not.toBeNull();
  expect(doc.querySelectorAll("script")).toHaveLength(0);
});
