import { t } from "../../src/i18n/t";
import { REQUIRED_SETS, requirementsOk } from "../../src/hosts/office/runner";

/*
 * An Excel with ExcelApi 1.6 but not 1.7 is refused (manifest and runtime check both ask for
 * 1.7); the message must not tell its user that 1.6 is what is needed.
 */
describe("the message shown when Excel is too old", () => {
  const highest = REQUIRED_SETS.map((r) => r.version).sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1])).pop()!;

  test("an Excel with 1.6 only is refused for want of 1.7", () => {
    const check = requirementsOk((name, version) => name === "ExcelApi" && Number(version.split(".")[1]) <= 6);
    expect(check).toEqual({ ok: false, missing: ["ExcelApi 1.7"] });
    expect(highest).toBe("1.7");
  });

  test("both languages name the version actually required, and the Excel versions that have it", () => {
    const zh = t("ui.requirements", {}, "zh-CN");
    expect(zh).toContain(`此版本的 Excel 不支持本加载项（需要 ExcelApi ${highest}）`);
    // ExcelApi 1.7: Microsoft 365 version 1801, Excel for Mac 16.9, Excel on the web
    expect(zh).toContain("Microsoft 365 的 Excel 版本 1801 或更高");
    expect(zh).toContain("Mac 版 Excel 16.9 或更高");
    expect(zh).toContain("Excel 网页版");
    const en = t("ui.requirements", {}, "en");
    expect(en).toContain(`ExcelApi ${highest} is needed`);
    expect(en).toContain("Microsoft 365 version 1801");
  });
});
