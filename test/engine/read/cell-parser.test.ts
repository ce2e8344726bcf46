import fc from "fast-check";
import { plain } from "../../../src/engine/read/cell";
import { columnReaders, parseValue } from "../../../src/engine/read/cell-parser";
import { normaliseName } from "../../../src/engine/read/text";
import { readMemberId, type FieldKind } from "../../../src/engine/read/values";
import { badText, branchName, errorObject, errorText, longText, name, wrapped } from "../../properties/cells";

const KINDS: FieldKind[] = ["name", "id", "text", "batch", "category", "yesno", "number", "integer", "percent", "grade"];

/** The cells a column of each kind meets: the words and numbers staff write, and bad ones. */
const word = fc.constantFrom("是", "否", " 是 ", "√", "×", "已提交", "未提交", "ＹＥＳ", "合格", "不合格", "优秀党员", "正式", "预备党员", "第一批", "第二批", "");
const numberText = fc.constantFrom("50", "５０", "1,200", "46学时", "85%", "0.85", " 12 ", "-3", "3.5", "1e3", "");
const cell = fc.oneof(
  word,
  numberText,
  name,
  branchName,
  badText,
  longText,
  errorText,
  errorObject,
  fc.constantFrom(null, undefined, true, false, NaN, Infinity),
  fc.double({ min: -10, max: 200, noNaN: true }),
  fc.integer({ min: -5, max: 120 }),
  fc.constantFrom("341107197204257213", "34110719720425721X", "3.41107E+17", " 3411071972 ", "ａｂ12"),
  wrapped(fc.oneof(word, numberText, name)),
);
const format = fc.constantFrom(null, undefined, "", "General", "0", "0.0", "0%", "0.0%", "yyyy-mm-dd", "@");

describe("column readers", () => {
  it("read every cell exactly as the general parser does, cached or not", () => {
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), fc.array(fc.tuple(cell, format), { minLength: 1, maxLength: 30 }), (kind, cells) => {
        const [reader] = columnReaders([kind]);
        for (const [raw, fmt] of cells) {
          const v = plain(raw);
          const expected = v === undefined ? undefined : parseValue(kind, v, fmt);
          // twice: the second read of a text comes from the column's cache
          expect(reader.read(raw, fmt)).toEqual(expected);
          expect(reader.read(raw, fmt)).toEqual(expected);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("share what one column learnt with the next column of the same kind", () => {
    const [first, second] = columnReaders(["yesno", "yesno"]);
    expect(first.read("已提交", null)).toBe(true);
    expect(second.read("已提交", null)).toBe(true);
    expect(second.read("未提交", null)).toBe(false);
  });

  it("leave a plain number alone under a plain format and read a percentage format as one", () => {
    const [hours, rate] = columnReaders(["number", "percent"]);
    expect(hours.read(46, "0")).toBe(46);
    expect(hours.read(0.46, "0%")).toEqual(parseValue("number", 0.46, "0%"));
    expect(rate.read(0.85, "0%")).toEqual({ n: 85, percent: true });
  });
});

describe("names and ID numbers that need no normalising", () => {
  it("come back as written; others are normalised", () => {
    expect(normaliseName("郝瑞凯")).toBe("郝瑞凯");
    expect(normaliseName(" 郝 瑞凯　")).toBe("郝瑞凯");
    expect(normaliseName("Ｌｉ Ｍｉｎｇ")).toBe("Li Ming");
    expect(readMemberId("34110719720425721X")).toEqual({ id: "34110719720425721X", usable: true });
    expect(readMemberId("34110719720425721x")).toEqual({ id: "34110719720425721X", usable: true });
    expect(readMemberId("３４１１０７")).toEqual({ id: "341107", usable: true });
  });
});
