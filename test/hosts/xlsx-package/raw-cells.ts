import { inline, num, rawWorkbook, sheetBody, str } from "./raw-package";

/**
 * One sheet with every kind of cell a spreadsheet program writes and exceljs does not: shared
 * formulas, inline and phonetic strings, string results with entities, booleans, errors,
 * built-in and custom date formats, hyperlinks on numbers, cells without `r`, merged cells
 * holding stray values. `beyondExceljs` adds what exceljs itself misreads (a phonetic run in an
 * inline string, a row without `r`).
 */
export function everyRawCell(date1904: boolean, beyondExceljs = false): Buffer {
  const rows = [
    `<row r="1">${inline("A1", "姓名")}${str("B1", 0)}<c r="C1" t="inlineStr"><is><r><t>王</t></r><r><rPr><b/></rPr><t>建国</t></r></is></c>` +
      (beyondExceljs ? `<c r="D1" t="inlineStr"><is><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></is></c>` : inline("D1", "漢字")) +
      `${str("E1", 1)}${str("F1", 2)}${str("G1", 3)}${str("H1", 4)}</row>`,
    `<row r="2" spans="1:13"><c r="A2"><f t="shared" ref="A2:A5" si="0">B2*2</f><v>10</v></c>${num("B2", 5)}` +
      `<c r="C2" t="str"><f>"a"&amp;"b"</f><v>a&amp;amp;b</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="b"><f>TRUE()</f><v>0</v></c>` +
      `<c r="F2" t="e"><v>#N/A</v></c><c r="G2" t="e"><f>1/0</f><v>#DIV/0!</v></c>${num("H2", 45000, 1)}${num("I2", 45000.5, 2)}${num("J2", 45000, 3)}${num("K2", 0.5, 4)}` +
      `<c r="L2" s="1"><f>TODAY()</f><v>45001</v></c><c r="M2" t="d"><v>2024-03-01T00:00:00</v></c></row>`,
    `<row r="3"><c r="A3"><f t="shared" si="0"/><v>12</v></c>${num("B3", 6)}<c r="C3"><f>B3-6</f><v>0</v></c><c r="D3" t="str"><f>""</f><v></v></c></row>`,
    `<row r="4"><c r="A4"><f t="shared" si="0"/></c><c r="B4" s="4"/><c r="C4" t="array"><f t="array" ref="C4">SUM(B2:B3)</f><v>11</v></c></row>`,
    `<row r="5"><c r="A5"><f t="shared" si="0"/><v>0</v></c>${inline("B5", "  ")}${num("C5", "1E-3")}${num("D5", -0)}</row>`,
    `<row r="6">${num("A6", 123)}<c r="B6"><f>1-1</f><v>0</v></c>${num("C6", 7)}<c r="D6" t="b"><v>0</v></c></row>`,
    `<row r="7">${inline("A7", "无地址")}<c><v>8</v></c><c t="inlineStr"><is><t>后一格</t></is></c></row>`,
    `<row r="9">${inline("A9", "合并标题")}${num("B9", 99)}</row>`,
    `<row r="12"><c r="K12" s="1"/></row>`,
    // exceljs fails on a row without r
    ...(beyondExceljs ? [`<row>${inline("A13", "无行号")}</row>`] : []),
  ];
  const tail =
    `<mergeCells count="2"><mergeCell ref="A9:C10"/><mergeCell ref="E11:F11"/></mergeCells>` +
    `<hyperlinks><hyperlink ref="A6" r:id="rIdLink"/><hyperlink ref="B6" r:id="rIdLink"/><hyperlink ref="C6" location="'值'!A1"/><hyperlink ref="D6" r:id="rIdLink"/></hyperlinks>`;
  return rawWorkbook({
    date1904,
    strings: ["所在支部", "<t>第一行_x000D_第二行</t>", "<r><t>富</t></r><r><rPr><i/></rPr><t>文本</t></r>", "<t>甲</t><rPh sb=\"0\" eb=\"1\"><t>こう</t></rPh>", "<t xml:space=\"preserve\"> 前后空格 </t>"],
    numFmts: `<numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd\\ hh:mm"/>`,
    cellXfs: [
      '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
      '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
      '<xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
      '<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    ],
    sheets: [
      { name: "值", body: sheetBody(rows.join(""), tail, '<dimension ref="A1:M12"/>'), rels: `<Relationship Id="rIdLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.invalid/" TargetMode="External"/>` },
      { name: "空", body: "<sheetData/>" },
    ],
  });
}
