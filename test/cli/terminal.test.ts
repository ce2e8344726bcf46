import { writeFileSync } from "node:fs";
import { terminalSafe } from "../../src/cli/terminal";
import { cli, tempDir } from "./helpers";
import { rosterRowsXml, writeBytes } from "../files/fixtures";
import { sheetXml, textCell, xlsxParts, zip } from "../files/zip";

/**
 * Nothing a workbook holds reaches the terminal as a control character (a cell cannot clear
 * the screen, recolour or retitle it, or reorder a line), and a rule file nested too deeply
 * is named in one sentence.
 */

/** What a terminal would act on: C0 and C1 controls (line breaks aside), and the bidirectional marks. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => (tmp = tempDir()));
afterAll(() => tmp.cleanup());

describe("terminalSafe", () => {
  it("drops escape sequences whole, other controls and bidirectional marks; keeps line breaks and the text", () => {
    expect(terminalSafe("县\u001b[2J\u001b[31m财政局\u001b[0m")).toBe("县财政局");
    expect(terminalSafe("\u001b]0;标题\u0007名单")).toBe("名单");
    expect(terminalSafe("甲\u009b31m乙\u0085丙")).toBe("甲乙丙");
    expect(terminalSafe("支部\u202e部支\u2066x")).toBe("支部部支x");
    expect(terminalSafe("第一行\r\n第二行\n")).toBe("第一行\n第二行\n");
    expect(terminalSafe("回车\r覆盖")).toBe("回车\n覆盖");
  });
});

describe("text from a workbook printed by the command line", () => {
  it("the unit named above the roster, with escapes and a C1 control, prints clean", async () => {
    // _x001B_ is how a workbook stores ESC; U+009B (CSI) and U+202E may stand in XML as they are
    const title = `<row r="1">${textCell("A1", "填报单位：县_x001B_[2J_x001B_]0;x_x0007_财政局\u009b31m\u202e机关")}</row>`;
    const input = writeBytes(tmp.file("控制字符.xlsx"), zip(xlsxParts(sheetXml("A1:C6", title + rosterRowsXml(4, "", 2)))));
    const run = await cli("evaluate", input, "-o", tmp.file("控制字符-结果.xlsx"), "--today", "2025-03-25");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("县");
    expect(run.stdout).toContain("财政局");
    expect(run.stdout).not.toMatch(CONTROL);
    expect(run.stderr).not.toMatch(CONTROL);
  }, 30_000);

  it("a sheet name and a file name in an error sentence print clean", async () => {
    const xml = sheetXml("A1:C2", rosterRowsXml(2, `<row r="9"><c r="XFE9"><v>1</v></c></row>`));
    const parts = xlsxParts(xml);
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace('name="党员名单"', 'name="名单\u202e\u009b2J"');
    const input = writeBytes(tmp.file("坏\u001b[31m名.xlsx"), zip(parts));
    const run = await cli("evaluate", input, "-o", tmp.file("x.xlsx"));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("“坏名.xlsx”");
    expect(run.stderr).toContain("工作表“名单”");
    expect(run.stderr).not.toMatch(CONTROL);
  }, 30_000);
});

describe("a rule file nested too deeply", () => {
  it.each([
    ["objects", (n: number) => '{"study":'.repeat(n) + "1" + "}".repeat(n)],
    ["arrays", (n: number) => "[".repeat(n) + "]".repeat(n)],
  ])("%s 100,000 levels deep: the file named, exit 2, no stack overflow", async (_, make) => {
    const rules = tmp.file("套娃规则.json");
    writeFileSync(rules, make(100_000));
    const run = await cli("evaluate", tmp.file("不必存在.xlsx"), "-o", tmp.file("y.xlsx"), "--rules", rules);
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: "" });
    expect(run.stderr.trim()).toMatch(/^规则文件“套娃规则\.json”嵌套层数太多（超过 32 层），无法读取/);
  }, 30_000);

  it("a JSON syntax error is placed by line and column, in Chinese", async () => {
    const rules = tmp.file("少逗号.json");
    writeFileSync(rules, '{\n  "study": { "minHours": 40 }\n  "attendance": { "minRate": 80 }\n}\n');
    const run = await cli("evaluate", tmp.file("不必存在.xlsx"), "-o", tmp.file("y.xlsx"), "--rules", rules);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe("规则文件“少逗号.json”无法读取或不是有效的 JSON（第 3 行第 3 列附近 JSON 格式有误），请修改后重试");
  });
});
