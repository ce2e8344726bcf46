import { issueMessage } from "../../../src/i18n/t";
import { codes, member, read, sheet } from "./helpers";

const header = ["姓名", "支部", "学时", "集中学习天数", "满意度", "书面申请", "党员类别", "支部建议等次", "党员编号"];

function one(row: unknown[], formats?: (string | null)[]) {
  const values = [header, row];
  const r = read([sheet("名单", values, formats ? { numberFormats: [[], formats] } : {})]);
  return { r, m: r.members[0] };
}

describe("numbers", () => {
  it("reads numbers as text, full-width digits, thousands separators and units", () => {
    expect(one(["张三", "一支部", "52", "３"]).m.values).toMatchObject({ studyHours: 52, concentratedDays: 3 });
    expect(one(["张三", "一支部", "１,０５0", " 4天 "]).m.values).toMatchObject({ studyHours: 1050, concentratedDays: 4 });
    expect(one(["张三", "一支部", "48.5学时", null]).m.values.studyHours).toBe(48.5);
  });

  it("turns unusable numbers into issues with the address and the user's header; the value is 未录入", () => {
    const { r, m } = one(["张三", "一支部", "五十", -2]);
    expect(m.values.studyHours).toBeUndefined();
    expect(m.values.concentratedDays).toBeUndefined();
    expect(r.issues).toEqual([
      { code: "NOT_A_NUMBER", sheet: "名单", cell: "C2", value: "五十", params: { field: "学时", name: "张三" } },
      { code: "NEGATIVE_NUMBER", sheet: "名单", cell: "D2", value: "-2", params: { field: "集中学习天数", name: "张三" } },
    ]);
  });

  it("flags Excel errors, dates, long text and unreadable objects", () => {
    const { r, m } = one(["张三", "一支部", { error: "#DIV/0!" }, new Date(Date.UTC(2024, 0, 5)), "#N/A", "很长".repeat(60), { foo: 1 }]);
    expect(codes(r.issues)).toEqual(["ERROR_VALUE@名单!C2", "DATE_NOT_EXPECTED@名单!D2", "ERROR_VALUE@名单!E2", "TEXT_TOO_LONG@名单!F2", "UNREADABLE_VALUE@名单!G2"]);
    expect(r.issues[1].value).toBe("2024-01-05");
    expect(r.issues[3].params.length).toBe(120);
    // the category cell was unreadable, so it counts as blank: 正式党员 by default
    expect(m.values).toEqual({ category: "正式党员" });
  });

  it("treats a number formatted as a date as a date", () => {
    const { r } = one(["张三", "一支部", 45292], [null, null, "yyyy-mm-dd"]);
    expect(codes(r.issues)).toEqual(["DATE_NOT_EXPECTED@名单!C2"]);
  });

  it("unwraps rich text and formula results", () => {
    const { m } = one([{ richText: [{ text: "张" }, { text: "三" }] }, "一支部", { formula: "SUM(J2:K2)", result: 51 }, { sharedFormula: "C2", result: { error: "#REF!" } }]);
    expect(m.name).toBe("张三");
    expect(m.values.studyHours).toBe(51);
  });

  it("checks whole numbers and attended ≤ due (12 of 12 is every session, not too many)", () => {
    const r = read([
      sheet("考勤", [
        ["姓名", "应参加次数", "实际参加次数", "连续未参加组织生活月数"],
        ["张三", 12, 13, 2.5],
        ["李四", 12, 11, 0],
        ["王五", 12, 12, 0],
      ]),
    ]);
    expect(codes(r.issues)).toEqual(["NOT_AN_INTEGER@考勤!D2", "ATTENDED_EXCEEDS_DUE@考勤!C2"]);
    expect(r.issues[1].params).toEqual({ name: "张三", attended: 13, due: 12 });
    expect(member(r.members, "张三").values).toEqual({});
    expect(member(r.members, "李四").values).toEqual({ sessionsDue: 12, sessionsAttended: 11, monthsAbsent: 0 });
    expect(member(r.members, "王五").values).toEqual({ sessionsDue: 12, sessionsAttended: 12, monthsAbsent: 0 });
  });

  it("attendance from a score sheet: 12 of 12 is kept, 13 of 12 is reported where it was read", () => {
    const r = read([
      sheet("党员名单", [
        ["姓名", "所在支部"],
        ["张三", "一支部"],
        ["王五", "一支部"],
      ]),
      sheet("组织生活签到", [
        ["姓名", "所在支部", "应参加次数", "实际参加次数"],
        ["张三", "一支部", 12, 13],
        ["王五", "一支部", 12, 12],
      ]),
    ]);
    expect(codes(r.issues)).toEqual(["ATTENDED_EXCEEDS_DUE@组织生活签到!D2"]);
    expect(member(r.members, "王五").values).toMatchObject({ sessionsDue: 12, sessionsAttended: 12 });
  });
});

describe("satisfaction", () => {
  const survey = (values: unknown[], formats?: (string | null)[]) =>
    read([sheet("测评", [["姓名", "满意度(%)"], ...values.map((v) => ["党员" + values.indexOf(v), v])], formats ? { numberFormats: [[], ...formats.map((f) => [null, f])] } : {})]);

  it("reads 0–100, '85%' text and percent-formatted numbers on one scale", () => {
    const r = survey([85, "72%", 0.65, "９０％"], [null, null, "0%", null]);
    expect(r.members.map((m) => m.values.satisfaction)).toEqual([85, 72, 65, 90]);
    expect(r.issues).toEqual([]);
  });

  it("treats a column of numbers all within 0–1 as fractions", () => {
    const r = survey([0.85, 0.6, 1, 0]);
    expect(r.members.map((m) => m.values.satisfaction)).toEqual([85, 60, 100, 0]);
  });

  it("asks about 0.9 among percentages instead of guessing 0.9 or 90", () => {
    const r = survey([85, 0.9, 72]);
    expect(r.members.map((m) => m.values.satisfaction)).toEqual([85, undefined, 72]);
    expect(codes(r.issues)).toEqual(["PERCENT_AMBIGUOUS@测评!B3"]);
  });

  it("reports a value outside 0–100", () => {
    const r = survey([85, 120, "-5%"]);
    expect(r.members.map((m) => m.values.satisfaction)).toEqual([85, undefined, undefined]);
    expect(codes(r.issues)).toEqual(["PERCENT_OUT_OF_RANGE@测评!B3", "PERCENT_OUT_OF_RANGE@测评!B4"]);
  });
});

describe("yes/no, category, grade, batch", () => {
  const yn = ["是", "否", "有", "无", "已提交", "未提交", "√", "×", "✓", "✗", "Y", "n", "yes", "NO", "true", "False", 1, 0, true, false, "同意", "批准", "不同意", "  是 "];
  const expected = [true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, true, false, true];

  it("reads every yes/no spelling, and a blank as 未录入", () => {
    const rows = yn.map((v, i) => [`党员${i}`, v]);
    const r = read([sheet("审批", [["姓名", "上级审批"], ...rows, ["空白", null, "备注文字"]])]);
    expect(r.members.slice(0, yn.length).map((m) => m.values.approved)).toEqual(expected);
    expect(member(r.members, "空白").values.approved).toBeUndefined();
    expect(r.issues).toEqual([]);
  });

  it("reports words that are not yes/no", () => {
    const r = read([sheet("名单", [["姓名", "是否违纪"], ["张三", "待定"], ["李四", 2]])]);
    expect(codes(r.issues)).toEqual(["NOT_YES_NO@名单!B2", "NOT_YES_NO@名单!B3"]);
  });

  it("reads categories (blank → 正式党员, unknown → 正式党员 with an issue)", () => {
    const r = read([sheet("名单", [["姓名", "党员类别"], ["甲", "正式"], ["乙", "预备党员"], ["丙", null], ["丁", "入党积极分子"]])]);
    expect(r.members.map((m) => m.values.category)).toEqual(["正式党员", "预备党员", "正式党员", "正式党员"]);
    expect(codes(r.issues)).toEqual(["UNKNOWN_CATEGORY@名单!B5"]);
  });

  it("reads the four grades and never guesses others", () => {
    const r = read([sheet("名单", [["姓名", "支部建议等次"], ["甲", "优秀"], ["乙", "基本 合格"], ["丙", "称职"], ["丁", "良好"]])]);
    expect(r.members.map((m) => m.values.proposedGrade)).toEqual(["优秀", "基本合格", undefined, undefined]);
    expect(codes(r.issues)).toEqual(["UNKNOWN_GRADE@名单!B4", "UNKNOWN_GRADE@名单!B5"]);
  });

  it("normalises batches written as numbers", () => {
    const r = read([sheet("名单", [["姓名", "批次"], ["甲", 1], ["乙", "第二批"], ["丙", "３"]])]);
    expect(r.members.map((m) => m.values.batch)).toEqual(["第一批", "第二批", "第三批"]);
  });

  it("reads 第一批 / 一批 / 1 / 第1批 / 第 2 批次 alike; an unknown batch is a data issue, a blank is 未录入", () => {
    const written = ["第一批", "一批", "1", "第1批", "第 2 批次", "二批", "叁批", "第四批", "农村", null];
    const r = read([sheet("名单", [["姓名", "参加批次"], ...written.map((v, i) => [`党员${i}`, v])])]);
    expect(r.members.map((m) => m.values.batch)).toEqual(["第一批", "第一批", "第一批", "第一批", "第二批", "第二批", "第三批", undefined, undefined, undefined]);
    expect(codes(r.issues)).toEqual(["UNKNOWN_BATCH@名单!B9", "UNKNOWN_BATCH@名单!B10"]);
    expect(issueMessage(r.issues[0])).toBe("“参加批次”应为第一批、第二批或第三批（第四批），阶段时间按统一的批次开始日期计算");
  });

  it("reads 公示 as yes/no or as the date it was posted (a date is yes); 公示中 is not yet done", () => {
    const written: unknown[] = ["已公示", "未公示", "是", "否", "公示中", "2026-05-08", "2026年5月8日", "2026.5.8—5.14", "5月8日至14日", new Date(Date.UTC(2026, 4, 8)), 46150, "待定", null];
    const formats = written.map((v) => (v === 46150 ? "yyyy/m/d" : null));
    const r = read([sheet("审批", [["姓名", "公示日期"], ...written.map((v, i) => [`党员${i}`, v])], { numberFormats: [[], ...formats.map((f) => [null, f])] })]);
    expect(r.members.map((m) => m.values.publicized)).toEqual([true, false, true, false, false, true, true, true, true, true, true, undefined, undefined]);
    expect(codes(r.issues)).toEqual(["NOT_YES_NO@审批!B13"]);
  });
});

describe("names and ids", () => {
  it("trims names, removes inner spaces and unifies widths", () => {
    const r = read([sheet("名单", [["姓名", "支部"], [" 张　三 ", "一支部"], ["Ｌｉ Ｍｉｎｇ", "二支部"]])]);
    expect(r.members.map((m) => m.name)).toEqual(["张三", "Li Ming"]);
  });

  it("flags an 18-digit id stored as a number or in scientific notation", () => {
    const r = read([
      sheet("名单", [
        ["姓名", "身份证号"],
        ["甲", Number("110101199001011234")],
        ["乙", "1.10101E+17"],
        ["丙", "11010119900101123x"],
        ["丁", 1024],
      ]),
    ]);
    expect(codes(r.issues)).toEqual(["ID_PRECISION_LOST@名单!B2", "ID_PRECISION_LOST@名单!B3"]);
    expect(r.issues[0].params).toEqual({ field: "身份证号", name: "甲" });
    expect(r.members.map((m) => m.key)).toEqual(["甲|", "乙|", "11010119900101123X", "1024"]);
  });

  it("reports a row with data but no name, and ignores a row with only a serial number", () => {
    const r = read([sheet("名单", [["序号", "姓名", "学时"], [1, "张三", 50], [2, null, 48], [3, null, null]])]);
    expect(r.members.map((m) => m.name)).toEqual(["张三"]);
    expect(r.issues).toEqual([{ code: "NAME_BLANK", sheet: "名单", cell: "B3", params: { field: "姓名", row: 3 } }]);
  });
});
