import fc from "fast-check";
import type { FieldKind } from "../../src/engine/read/values";

/**
 * Cell values as Excel and exceljs hand them over, for property tests: every kind a secretary's
 * workbook can hold, good and bad, wrapped the ways a host may wrap them.
 */

/** Characters of names: none starts a footer word (合计, 说明…) or a yes/no word. */
const SURNAMES = "王李张刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华建国文红平桂兰玉萍";

/** Letters for bad text: no digit, no footer word, no yes/no, grade or category word. */
const BAD_CJK = "待补缺考请假约四十详见附表暂记录";

export const name = fc
  .tuple(fc.constantFrom(...SURNAMES), fc.string({ unit: fc.constantFrom(...GIVEN), minLength: 1, maxLength: 2 }))
  .map(([s, g]) => s + g);

export const branchName = fc.constantFrom("机关第一党支部", "机关第二党支部", "离退休党支部", "后勤党支部", "第三党支部");

/** Text no parser accepts as a number, yes/no, grade or category. */
export const badText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...BAD_CJK), minLength: 1, maxLength: 6 }),
  fc.stringMatching(/^q[a-z]{0,7}$/),
);

/** Text Excel users write that is longer than any cell of ours should be. */
export const longText = fc.integer({ min: 101, max: 2000 }).map((n) => "很长的说明".repeat(Math.ceil(n / 5)).slice(0, n));

export const errorText = fc.constantFrom("#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#n/a");
export const errorObject = fc.constantFrom("#N/A", "#DIV/0!", "#VALUE!", "#REF!").map((error) => ({ error }));

export const date = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2035, 0, 1)), noInvalidDate: true });

/** A value as a host may wrap it: as is, as rich text (strings) or as a formula's cached result. */
export function wrapped(value: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(value, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 4 })).map(([v, how, cut]) => {
    if (how === 7 && typeof v === "string" && v.length > 0) {
      const at = Math.min(cut, v.length);
      return { richText: [{ text: v.slice(0, at), font: { bold: true } }, { text: v.slice(at) }] };
    }
    if (how === 8) return { formula: "SUM(A1:A3)", result: v };
    if (how === 9 && (typeof v === "number" || typeof v === "string")) return { sharedFormula: "B2", result: v };
    return v;
  });
}

/** A blank cell in any of its disguises. */
export const blank = fc.constantFrom(null, undefined, "", "   ", "\u3000", "\t");

/** Anything at all a cell may hold (used where no expectation is attached). */
export const anyCell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 200 }) },
  { weight: 1, arbitrary: fc.constantFrom(-0, 1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity, Number("110101199003071234"), 2 ** 70) },
  { weight: 3, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom("是", "否", "已提交", "未提交", "优秀", "合格", "不合格", "正式党员", "预备", "85%", "４０学时", "1,200", "合计", "小计", "填表人：刘洋", "〔评议〕学习情况", "先教评议助手") },
  { weight: 2, arbitrary: name },
  { weight: 1, arbitrary: branchName },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }) },
  { weight: 1, arbitrary: errorText },
  { weight: 1, arbitrary: errorObject },
  { weight: 1, arbitrary: longText },
  { weight: 2, arbitrary: blank },
  { weight: 1, arbitrary: fc.constantFrom({}, [], { foo: 1 }, { richText: "x" }, { richText: [null, { text: 3 }] }, { formula: "A1" }, { text: { richText: [{ text: "链接" }] }, hyperlink: "http://example.invalid" }) },
  { weight: 1, arbitrary: fc.string().map((text) => ({ richText: [{ text }, { text: "末" }] })) },
  { weight: 1, arbitrary: fc.oneof(fc.double(), fc.string(), errorObject).map((result) => ({ formula: "A1/B1", result })) },
);

/** A good value for a kind of column, and the bad values its parser must report. */
export const GOOD: Record<FieldKind, fc.Arbitrary<unknown>> = {
  name,
  id: fc.oneof(
    fc.stringMatching(/^11010119[89]\d[01]\d[0-2]\d\d{3}[0-9X]$/),
    fc.integer({ min: 1, max: 99999 }),
    fc.stringMatching(/^DY\d{4}$/),
  ),
  text: branchName,
  batch: fc.constantFrom("第一批", "1", "二", "第三批"),
  category: fc.constantFrom("正式党员", "预备党员", "正式", "预 备", "预备党员 "),
  yesno: fc.constantFrom("是", "否", "已提交", "未提交", "√", "×", true, false, 1, 0, "ＹＥＳ", " 是 "),
  yesOrDate: fc.oneof(fc.constantFrom("是", "否", "已公示", "未公示", "公示中", "无异议", "2025-03-08", "2025年3月8日", "5月8日至14日"), date),
  number: fc.oneof(
    fc.double({ min: 0, max: 500, noNaN: true }),
    fc.constantFrom(-0, 0, 40, "40学时", "４０", "1,200", "12.5小时", " 36 "),
  ),
  integer: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constantFrom("3次", "１２", -0)),
  percent: fc.oneof(fc.integer({ min: 2, max: 100 }), fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`)),
  grade: fc.constantFrom("优秀", "合格", "基本合格", "不合格", "合 格", "优秀党员"),
};

const badCommon = [errorText, errorObject, longText, date, fc.constantFrom({ foo: 1 }, {})];

export const BAD: Record<FieldKind, fc.Arbitrary<unknown>> = {
  name: fc.oneof(errorText, errorObject, longText, date, fc.boolean()),
  id: fc.oneof(fc.integer({ min: 1e15, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(Number("110101199003071234"), "1.10101E+17"), errorText, longText),
  text: fc.oneof(fc.boolean(), fc.constantFrom(NaN, Infinity), ...badCommon),
  batch: fc.oneof(fc.boolean(), fc.constantFrom("第四批", "农村", "二〇二六"), ...badCommon),
  category: fc.oneof(badText, fc.constantFrom("群众", "入党积极分子"), ...badCommon),
  yesno: fc.oneof(badText, fc.constantFrom(2, -1, 0.5), ...badCommon),
  yesOrDate: fc.oneof(badText, fc.constantFrom(2, -1, 0.5), errorText, errorObject, longText, fc.constantFrom({ foo: 1 }, {})),
  number: fc.oneof(badText, fc.constantFrom(-3, -0.5, NaN, Infinity, "四十", "约40小时"), fc.boolean(), ...badCommon),
  integer: fc.oneof(badText, fc.constantFrom(2.5, -1, "3.5次", "85%"), fc.boolean(), ...badCommon),
  percent: fc.oneof(badText, fc.constantFrom(150, -5, "120%", 101), fc.boolean(), ...badCommon),
  grade: fc.oneof(badText, fc.constantFrom("良好", "称职", "较好"), ...badCommon),
};
