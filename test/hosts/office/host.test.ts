import { XianjiaoError } from "../../../src/errors";
import { createMemoryHost, MemoryWorkbook } from "../../../src/hosts/memory";
import { createOfficeHost, mapOfficeError, requirementsOk, SETTINGS_KEY } from "../../../src/hosts/office";
import { asExcelText, highlightFormula } from "../../../src/hosts/office/text";
import { parseTyped } from "../../../src/hosts/memory/typed-input";
import { ROSTER, rosterBook } from "./fixtures";

describe("office host: selection, settings, requirements, errors", () => {
  test("selectCell activates the sheet and selects the cell", async () => {
    const book = rosterBook(5);
    await createMemoryHost(book).selectCell("学习记录", "B3");
    expect(book.selection).toEqual({ sheet: "学习记录", address: "学习记录!B3" });
    expect(book.activeSheetId).toBe(book.sheet("学习记录")!.id);
  });

  test("selecting on a sheet that no longer exists says so", async () => {
    const error = await createMemoryHost(rosterBook(5))
      .selectCell("已删除", "A1")
      .catch((e) => e);
    expect(error).toBeInstanceOf(XianjiaoError);
    expect(error.code).toBe("OFFICE_FAILED");
    expect(error.vars.code).toBe("ItemNotFound");
  });

  test("settings round-trip through the document's settings and are saved", async () => {
    const book = rosterBook(5);
    const host = createMemoryHost(book);
    expect(await host.loadSettings()).toBeNull();
    await host.saveSettings({ unitName: "机关党委", thresholds: { studyHours: 50 } });
    expect(book.savedSettings.get(SETTINGS_KEY)).toEqual({ unitName: "机关党委", thresholds: { studyHours: 50 } });
    expect(await createMemoryHost(book).loadSettings()).toEqual({ unitName: "机关党委", thresholds: { studyHours: 50 } });
  });

  test("openWorkbook is Excel.createWorkbook, there from ExcelApi 1.8 on", async () => {
    const book = rosterBook(2);
    await createMemoryHost(book).openWorkbook!("UEsDBA==");
    expect(book.createdWorkbooks).toEqual(["UEsDBA=="]);
    book.apiVersions = { ExcelApi: "1.7" };
    expect(createMemoryHost(book).openWorkbook).toBeUndefined();
    expect(createOfficeHost(book.run, { settings: book.settings, isSetSupported: book.isSetSupported, createWorkbook: book.createWorkbook }).openWorkbook).toBeUndefined();
  });

  test("a download works everywhere but in Excel on Mac and iPad, where the pane's download link does nothing", () => {
    const book = rosterBook(2);
    expect(createMemoryHost(book).canDownload).toBe(true);
    book.platform = "OfficeOnline";
    expect(createMemoryHost(book).canDownload).toBe(true);
    book.platform = "Mac";
    expect(createMemoryHost(book).canDownload).toBe(false);
    book.platform = "iOS";
    expect(createMemoryHost(book).canDownload).toBe(false);
  });

  test("settings are written into the open document; a failed save has its own message and keeps nothing", async () => {
    const book = rosterBook(5);
    const host = createMemoryHost(book);
    book.settingsSaveError = { code: 5001, name: "Internal Error", message: "An internal error has occurred." };
    const error = await host.saveSettings({ unitName: "机关党委" }).catch((e) => e);
    expect(error).toBeInstanceOf(XianjiaoError);
    expect(error.code).toBe("OFFICE_SETTINGS_NOT_SAVED");
    expect(error.message).toBe("设置没能保存到工作簿（An internal error has occurred.），仍按原来的设置评议；请确认工作簿可以编辑（不是只读、没有受保护）后再点“保存设置”");
    expect(book.savedSettings.has(SETTINGS_KEY)).toBe(false);
    book.settingsSaveError = null;
    await host.saveSettings({ unitName: "机关党委" });
    expect(book.savedSettings.get(SETTINGS_KEY)).toEqual({ unitName: "机关党委" });
  });

  test("requirementsOk names the missing requirement sets", () => {
    const book = new MemoryWorkbook();
    expect(requirementsOk(book.isSetSupported)).toEqual({ ok: true, missing: [] });
    book.apiVersions = { ExcelApi: "1.5" };
    expect(requirementsOk(book.isSetSupported)).toEqual({ ok: false, missing: ["ExcelApi 1.6", "ExcelApi 1.7"] });
    book.apiVersions = { ExcelApi: "1.6" };
    expect(requirementsOk(book.isSetSupported)).toEqual({ ok: false, missing: ["ExcelApi 1.7"] });
  });

  test("Office error codes become sentences saying what to do", () => {
    const office = (code: string) => Object.assign(new Error("x"), { code });
    expect(mapOfficeError(office("InvalidOperationInCellEditMode")).message).toBe("Excel 正在编辑单元格，请按 Enter 或 Esc 结束编辑后再点评议");
    expect(mapOfficeError(office("AccessDenied"), { sheet: ROSTER }).message).toContain(`工作表“${ROSTER}”受保护，请先撤销保护`);
    expect((mapOfficeError(office("AccessDenied")) as XianjiaoError).code).toBe("OFFICE_ACCESS_DENIED");
    expect(mapOfficeError(office("AccessDenied"), { structure: true }).message).toMatch(/^工作簿的结构受保护/);
    expect((mapOfficeError(office("ItemAlreadyExists"), { sheet: "评议-说明" }) as XianjiaoError).code).toBe("OFFICE_NAME_TAKEN");
    expect((mapOfficeError(office("RequestPayloadSizeLimitExceeded")) as XianjiaoError).code).toBe("OFFICE_PAYLOAD_TOO_LARGE");
    expect((mapOfficeError(office("GeneralException")) as XianjiaoError).code).toBe("OFFICE_GENERAL");
    const unknown = mapOfficeError(office("Conflict")) as XianjiaoError;
    expect(unknown.code).toBe("OFFICE_FAILED");
    expect(unknown.localized("en")).toContain("Conflict");
  });

  test("text Excel would parse gets an apostrophe; plain text does not", () => {
    expect(["=SUM(A1)", "+1 票", "-5", "@张三", "85", "2025-03-01", "TRUE", "'引号"].map(asExcelText)).toEqual([
      "'=SUM(A1)",
      "'+1 票",
      "'-5",
      "'@张三",
      "'85",
      "'2025-03-01",
      "'TRUE",
      "''引号",
    ]);
    expect(["(12)", "¥12", "$ 3", "#N/A", "#DIV/0!", "Jan 5", "sept. 30, 2025"].map(asExcelText)).toEqual(["'(12)", "'¥12", "'$ 3", "'#N/A", "'#DIV/0!", "'Jan 5", "'sept. 30, 2025"]);
    expect(["合格", "低于70：65", "〔评议〕学习情况", "", "(一)支部", "#3 楼", "May"].map(asExcelText)).toEqual(["合格", "低于70：65", "〔评议〕学习情况", "", "(一)支部", "#3 楼", "May"]);
  });

  test("every text the in-memory Excel would turn into something else gets an apostrophe", () => {
    const samples = ["(12)", "( ¥1,234.5 )", "-¥12", "€3", "£ 4", "1,234", "12%", ".5", "1e3", "#N/A", "#VALUE!", "#GETTING_DATA", "1/5", "1/5/25", "Jan 5", "5-Jan", "march 3, 2025", "Dec-25", "3月5日", "2025年3月1日", "8:30", "8:30 pm", "TRUE", "false", "=A1", "+1", "-x", "@张三", " 12 "];
    for (const text of samples) {
      expect({ text, converted: parseTyped(text, 2025).kind !== "text", guarded: asExcelText(text) !== text }).toEqual({ text, converted: true, guarded: true });
    }
    for (const text of ["合格", "(一)支部", "May", "#3 楼", "第1支部", "¥", "()"]) expect(parseTyped(asExcelText(text), 2025)).toEqual({ kind: "text", text });
  });

  test("highlight formulas are relative to the range's first cell and escape quotes and wildcards", () => {
    expect(highlightFormula({ match: "beginsWith", text: "不合格", colour: "red" }, "I3")).toBe('=LEFT(I3,3)="不合格"');
    expect(highlightFormula({ match: "contains", text: "待审批", colour: "amber" }, "I3")).toBe('=ISNUMBER(SEARCH("待审批",I3))');
    expect(highlightFormula({ match: "equals", text: 'a"b*', colour: "green" }, "D3")).toBe('=D3="a""b*"');
    expect(highlightFormula({ match: "contains", text: "优?", colour: "green" }, "D3")).toBe('=ISNUMBER(SEARCH("优~?",D3))');
  });
});
