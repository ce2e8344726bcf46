import ExcelJS from "exceljs";

/** A roster with a merged title and every kind of cell exceljs writes: rich text, formulas, dates, links, errors. */
export async function everyKindOfCell(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("党员名单");
  ws.getCell("B2").value = "XX县直机关先进性教育活动党员评议台账";
  ws.mergeCells("B2:F2");
  ws.getRow(3).values = [null, "序号", "姓名", "学时（小时）", "满意率", "入党日期", "备注"];
  ws.getCell("B4").value = 1;
  ws.getCell("C4").value = { richText: [{ text: "王" }, { font: { bold: true }, text: "建国" }] };
  ws.getCell("D4").value = { formula: "40+8", result: 48 };
  ws.getCell("E4").value = 0.85;
  ws.getCell("E4").numFmt = "0%";
  ws.getCell("F4").value = new Date(Date.UTC(1998, 6, 1));
  ws.getCell("G4").value = { text: "材料链接", hyperlink: "https://example.org/a" };
  ws.getCell("B5").value = 2;
  ws.getCell("C5").value = "李红";
  ws.getCell("D5").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
  ws.getCell("E5").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
  ws.getCell("F5").value = true;
  ws.getCell("G5").value = "=不是公式";
  ws.getCell("B6").value = { sharedFormula: "D4", result: 50 } as unknown as ExcelJS.CellValue;
  const other = wb.addWorksheet("空表");
  void other;
  await wb.xlsx.writeFile(file);
  return file;
}
