import { columnOfLetters, fieldOfKey, hasMappings, parseColumnMapping, unknownMappingSheets } from "../../../src/engine";

describe("a unit's column mapping file", () => {
  it("names fields by header, by any header the reader knows, or by key; columns by letters", () => {
    const parsed = parseColumnMapping({ 党员名单: { 学时: "F", "学时（小时）": undefined, 满意度: "aa", votesFor: "XFD", 身份证号: null } });
    // undefined is not JSON: JSON.parse never gives it, but a value that is not letters is refused
    expect(parsed.ok).toBe(false);
    const ok = parseColumnMapping({ 党员名单: { "学时（小时）": "F", 满意度: "aa", votesFor: "XFD", 身份证号: null } });
    expect(ok).toEqual({ ok: true, overrides: { 党员名单: { studyHours: 5, satisfaction: 26, votesFor: 16383, memberId: null } } });
  });

  it("says every mistake at once, in Chinese", () => {
    const parsed = parseColumnMapping({ 党员名单: { 学识: "F", 学时: "XFE", 满意度: "G", 满意率: "H" }, 表决: "B" });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual([
      "工作表“党员名单”：不认识字段“学识”（请写表头名称，如“学时”）",
      "工作表“党员名单”：字段“学时”的列“XFE”不是列字母（如 F），不使用该列请写 null",
      "工作表“党员名单”：字段“满意度”写了两次",
      "工作表“表决”应对应一组“字段: 列字母”，例如 {\"学时\": \"F\"}",
    ]);
  });

  it("column letters stop at Excel's last column", () => {
    expect(columnOfLetters("A")).toBe(0);
    expect(columnOfLetters(" z ")).toBe(25);
    expect(columnOfLetters("XFD")).toBe(16383);
    expect(columnOfLetters("XFE")).toBeUndefined();
    expect(columnOfLetters("A1")).toBeUndefined();
    expect(fieldOfKey("所在支部")).toBe("branch");
    expect(fieldOfKey("某某")).toBeUndefined();
  });

  it("sheets the workbook lacks are named; an empty mapping maps nothing", () => {
    expect(unknownMappingSheets({ 党员名单: {}, 党员名册: {} }, ["党员名单", "表决"])).toEqual(["党员名册"]);
    expect(hasMappings({ 党员名单: {} })).toBe(false);
    expect(hasMappings({ 党员名单: { memberId: null } })).toBe(true);
    expect(hasMappings(null)).toBe(false);
  });
});
