import { readWorkbook, evaluateWorkbook, DEFAULT_RULES } from "../../src/engine";
import { columnLetter, headerRows, mappingNeedsReview, overrideCount, setColumnField, unrecognisedHeaders } from "../../src/taskpane/mapping";
import { rosterInput, TODAY } from "./fixtures";

/** The roster with its hours under a header the reader does not know ("学习积分"). */
function unknownHoursHeader() {
  const input = rosterInput();
  input.sheets[0].values[1][4] = "学习积分";
  return input;
}

test("column letters run A…Z, AA…", () => {
  expect([0, 4, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(["A", "E", "Z", "AA", "AB", "ZZ", "AAA"]);
});

test("header rows list recognised and unrecognised headers left to right", () => {
  const input = unknownHoursHeader();
  const [table] = readWorkbook(input).tables;
  const rows = headerRows(table, input.sheets[0], {});
  expect(rows.map((r) => `${r.letter} ${r.header} ${r.field ?? "-"}`)).toEqual([
    "A 序号 -",
    "B 姓名 name",
    "C 所在支部 branch",
    "D 党员类别 category",
    "E 学习积分 -",
    "F 集中学习天数 concentratedDays",
    "G 满意度 satisfaction",
    "H 书面申请 applicationSubmitted",
    "I 支部建议等次 proposedGrade",
    "J 应到人数 votersDue",
    "K 实到人数 votersPresent",
    "L 赞成 votesFor",
    "M 心得篇数 -",
  ]);
});

test("mapping an unrecognised header produces an override the engine uses", () => {
  const input = unknownHoursHeader();
  const [table] = readWorkbook(input).tables;
  const overrides = setColumnField({}, table, 4, "studyHours");
  expect(overrides).toEqual({ 党员名单: { studyHours: 4 } });
  expect(headerRows(table, input.sheets[0], overrides).find((r) => r.letter === "E")!.field).toBe("studyHours");

  const without = evaluateWorkbook(input, { rules: DEFAULT_RULES, today: TODAY() });
  const withMapping = evaluateWorkbook(input, { rules: DEFAULT_RULES, today: TODAY(), overrides });
  const li = (r: typeof without) => r.members.find((m) => m.member.name === "李娜")!.statuses.R1;
  expect(li(without)).toBe("不适用");
  expect(li(withMapping)).toBe("未达标");
});

test("moving a field to another column unmaps the old one; going back to automatic empties the overrides", () => {
  const input = rosterInput();
  const [table] = readWorkbook(input).tables;
  // 心得篇数 (M) taken as the hours: E loses the field, M gets it
  const moved = setColumnField({}, table, 12, "studyHours");
  expect(moved).toEqual({ 党员名单: { studyHours: 12 } });
  const rows = headerRows(table, input.sheets[0], moved);
  expect(rows.find((r) => r.letter === "E")!.field).toBeNull();
  expect(rows.find((r) => r.letter === "M")!.field).toBe("studyHours");
  // back to E: the override says what the reader found anyway, so it disappears
  expect(setColumnField(moved, table, 4, "studyHours")).toEqual({});
  // "not used" on a recognised column is an explicit null
  const unused = setColumnField({}, table, 6, null);
  expect(unused).toEqual({ 党员名单: { satisfaction: null } });
  expect(overrideCount(unused)).toBe(1);
});

test("in a two-row header a column merged over both rows shows its upper text", () => {
  const input = {
    sheets: [
      {
        name: "民主评议表决",
        values: [
          ["序号", "姓名", "所在支部", "表决", null, null],
          [null, null, null, "赞成", "反对", "弃权"],
          [1, "谭文华", "机关第一党支部", 13, 0, 1],
          [2, "孔海燕", "机关第一党支部", 12, 1, 1],
        ],
      },
    ],
  };
  const [table] = readWorkbook(input).tables;
  expect(table.headerTop).toBe(0);
  expect(headerRows(table, input.sheets[0], {}).map((r) => r.header)).toEqual(["序号", "姓名", "所在支部", "赞成", "反对", "弃权"]);
});

test("unrecognised headers leave out serial numbers and remarks, and headers the user mapped", () => {
  const input = unknownHoursHeader();
  input.sheets[0].values[1][12] = "备 注";
  const [table] = readWorkbook(input).tables;
  expect(table.unmappedHeaders.map((h) => h.header)).toEqual(["序号", "学习积分", "备 注"]);
  expect(unrecognisedHeaders(table)).toEqual([{ col: 4, header: "学习积分" }]);
  expect(unrecognisedHeaders(table, { 党员名单: { studyHours: 4 } })).toEqual([]);
});

test("the mapping editor needs a look when a header was not recognised or no member list was found", () => {
  const tidy = rosterInput();
  tidy.sheets[0].values = tidy.sheets[0].values.map((row) => row.slice(0, 12));
  expect(mappingNeedsReview(readWorkbook(tidy).tables)).toBe(false);
  expect(mappingNeedsReview(readWorkbook(unknownHoursHeader()).tables)).toBe(true);
  const [roster] = readWorkbook(tidy).tables;
  expect(mappingNeedsReview([{ ...roster, isRoster: false }])).toBe(true);
  expect(mappingNeedsReview([])).toBe(true);
});
