import { inline, num, png, rawWorkbook, sheetBody, str } from "./raw-package";

const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A chart of the roster's hours, as Excel saves one. */
const CHART =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  "<c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val=\"col\"/><c:grouping val=\"clustered\"/><c:varyColors val=\"0\"/>" +
  "<c:ser><c:idx val=\"0\"/><c:order val=\"0\"/><c:cat><c:strRef><c:f>'党员名单'!$B$3:$B$6</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>'党员名单'!$D$3:$D$6</c:f></c:numRef></c:val></c:ser>" +
  '<c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>' +
  '<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>';

const anchor = (from: [number, number], to: [number, number], inner: string) =>
  `<xdr:twoCellAnchor><xdr:from><xdr:col>${from[0]}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from[1]}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
  `<xdr:to><xdr:col>${to[0]}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${to[1]}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${inner}<xdr:clientData/></xdr:twoCellAnchor>`;

const DRAWING =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  anchor(
    [1, 8],
    [3, 14],
    '<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="党徽"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rIdImage"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>',
  ) +
  anchor(
    [4, 8],
    [10, 20],
    '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="3" name="学时图"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rIdChart"/></a:graphicData></a:graphic></xdr:graphicFrame>',
  ) +
  "</xdr:wsDr>";

export const DATA_VALIDATIONS = '<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="E3:E6"><formula1>"是,否"</formula1></dataValidation></dataValidations>';
export const USER_FORMAT = '<conditionalFormatting sqref="D3:D6"><cfRule type="cellIs" priority="1" operator="lessThan"><formula>50</formula></cfRule></conditionalFormatting>';

/**
 * A roster as Excel saves it, with what exceljs could not carry: a shared formula for 序号,
 * inline strings, join dates in the 1904 date system, a data validation, a picture and a chart
 * in a drawing, defined names — and a sheet of the user's own named 评议-支部汇总, without our mark.
 */
export function rawRoster(): Buffer {
  const strings = ["序号", "姓名", "所在支部", "学时", "书面申请", "入党日期", "机关第一党支部", "机关第二党支部", "测评满意度"];
  const people: [string, number, number, string, number][] = [
    ["王建国", 6, 52, "是", 30000],
    ["李秀英", 6, 38, "否", 31000],
    ["张伟", 7, 60, "是", 32000],
    ["刘洋", 7, 56, "是", 33000],
  ];
  const rows = [
    `<row r="1">${inline("A1", "机关党委党员评议表")}</row>`,
    `<row r="2">${[0, 1, 2, 3, 4, 5].map((s, c) => str(`${"ABCDEF"[c]}2`, s)).join("")}</row>`,
    ...people.map(([name, branch, hours, applied, joined], i) => {
      const r = i + 3;
      const formula = i === 0 ? `<c r="A3"><f t="shared" ref="A3:A6" si="0">ROW()-2</f><v>1</v></c>` : `<c r="A${r}"><f t="shared" si="0"/><v>${i + 1}</v></c>`;
      return `<row r="${r}">${formula}${inline(`B${r}`, name)}${str(`C${r}`, branch)}${num(`D${r}`, hours)}${inline(`E${r}`, applied)}${num(`F${r}`, joined, 1)}</row>`;
    }),
    `<row r="7">${inline("A7", "填表人：张三")}</row>`,
  ];
  const tail =
    '<mergeCells count="1"><mergeCell ref="A1:F1"/></mergeCells>' +
    USER_FORMAT +
    DATA_VALIDATIONS +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rIdDrawing"/>';
  const survey = [`<row r="1">${str("A1", 1)}${str("B1", 8)}</row>`, ...people.map(([name], i) => `<row r="${i + 2}">${inline(`A${i + 2}`, name)}${num(`B${i + 2}`, [91, 65, 88, 80][i])}</row>`)];
  return rawWorkbook({
    date1904: true,
    strings: strings.map((s) => `<t>${s}</t>`),
    cellXfs: ['<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'],
    definedNames: `<definedName name="_xlnm.Print_Titles" localSheetId="0">'党员名单'!$2:$2</definedName><definedName name="名单">'党员名单'!$A$2:$F$6</definedName>`,
    sheets: [
      {
        name: "党员名单",
        body: sheetBody(rows.join(""), tail, '<dimension ref="A1:F7"/><cols><col min="1" max="6" width="12" customWidth="1"/></cols>'),
        rels: `<Relationship Id="rIdDrawing" Type="${R}/drawing" Target="../drawings/drawing1.xml"/>`,
      },
      { name: "评议-支部汇总", body: sheetBody(`<row r="1">${inline("A1", "我的支部汇总（手工）")}</row><row r="2">${num("B2", 42)}</row>`) },
      { name: "满意度测评", body: sheetBody(survey.join("")) },
    ],
    parts: {
      "xl/drawings/drawing1.xml": DRAWING,
      "xl/drawings/_rels/drawing1.xml.rels":
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rIdImage" Type="${R}/image" Target="../media/image1.png"/><Relationship Id="rIdChart" Type="${R}/chart" Target="../charts/chart1.xml"/></Relationships>`,
      "xl/charts/chart1.xml": CHART,
      "xl/media/image1.png": png(),
    },
    overrides: {
      "/xl/drawings/drawing1.xml": "application/vnd.openxmlformats-officedocument.drawing+xml",
      "/xl/charts/chart1.xml": "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
    },
  });
}
