import { GRADE_HIGHLIGHTS, RESULT_HIGHLIGHTS, highlightFor } from "../../../src/engine/plan/highlights";
import { ACTION_TEXTS } from "./fixtures";
import { GRADE_COLOURS } from "../../../src/engine/plan/types";
import { GRADES } from "../../../src/engine/types";

const colourOf = (column: number, text: string) => highlightFor(text, RESULT_HIGHLIGHTS.find((h) => h.column === column)!.rules);

describe("result highlights keyed on text", () => {
  test("grade column: every grade in its one colour (GRADE_COLOURS); 不合格 and 基本合格 are not caught by 合格", () => {
    expect(colourOf(3, "不合格")).toBe("red");
    expect(colourOf(3, "基本合格")).toBe("amber");
    expect(colourOf(3, "合格")).toBe("green");
    expect(colourOf(3, "优秀")).toBe("deepGreen");
    expect(colourOf(3, "待定")).toBe("grey");
    expect(colourOf(3, "不评定")).toBe("blue");
    for (const grade of GRADES) expect([grade, colourOf(3, grade)]).toEqual([grade, GRADE_COLOURS[grade]]);
  });

  test("pending approval is amber, except that 不合格 stays red", () => {
    expect(colourOf(3, "合格（待审批）")).toBe("amber");
    expect(colourOf(3, "优秀（待审批）")).toBe("amber");
    expect(colourOf(3, "不合格（待审批）")).toBe("red");
  });

  test("approved but not yet publicly posted (待公示) is amber like 待审批; 不合格 stays red", () => {
    expect(colourOf(3, "合格（待公示）")).toBe("amber");
    expect(colourOf(3, "优秀（待公示）")).toBe("amber");
    expect(colourOf(3, "基本合格（待公示）")).toBe("amber");
    expect(colourOf(3, "不合格（待公示）")).toBe("red");
  });

  test("every rule list runs red → amber → the rest, and the grade column never uses contains 合格", () => {
    const rank = { red: 0, amber: 1, green: 2, deepGreen: 2, grey: 2, blue: 2 };
    for (const { rules } of RESULT_HIGHLIGHTS) {
      const ranks = rules.map((r) => rank[r.colour]);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
    expect(GRADE_HIGHLIGHTS.some((r) => r.match === "contains" && r.text.includes("合格"))).toBe(false);
  });

  test("study, satisfaction and application columns", () => {
    expect(colourOf(0, "未达标：学时 46 < 50，差 4 学时")).toBe("amber");
    expect(colourOf(0, "达标")).toBeNull();
    expect(colourOf(0, "未录入")).toBeNull();
    expect(colourOf(1, "低于70：65")).toBe("amber");
    expect(colourOf(1, "85")).toBeNull();
    expect(colourOf(2, "未提出书面申请")).toBe("red");
    expect(colourOf(2, "已提交")).toBeNull();
  });

  test("actions: the most serious action decides the colour", () => {
    expect(colourOf(4, `${ACTION_TEXTS.DISCIPLINE}；${ACTION_TEXTS.MAKE_UP_STUDY}`)).toBe("red");
    expect(colourOf(4, ACTION_TEXTS.REMOVE)).toBe("red");
    expect(colourOf(4, ACTION_TEXTS.WITHDRAW)).toBe("red");
    expect(colourOf(4, ACTION_TEXTS.DISPOSE)).toBe("red");
    expect(colourOf(4, `${ACTION_TEXTS.REWRITE}；${ACTION_TEXTS.ADMONISH}`)).toBe("amber");
    expect(colourOf(4, ACTION_TEXTS.MAKE_UP_STUDY)).toBe("amber");
    expect(colourOf(4, ACTION_TEXTS.COMMEND)).toBe("green");
    expect(colourOf(4, "")).toBeNull();
  });

  test("no text matches two rules of one column, so every spreadsheet program shows one colour", () => {
    const samples = [
      "不合格", "不合格（待审批）", "基本合格", "基本合格（待审批）", "合格", "合格（待审批）", "优秀", "优秀（待审批）", "待定", "不评定",
      ...Object.values(ACTION_TEXTS),
      `${ACTION_TEXTS.DISCIPLINE}；${ACTION_TEXTS.MAKE_UP_STUDY}`,
      `${ACTION_TEXTS.REWRITE}；${ACTION_TEXTS.ADMONISH}；${ACTION_TEXTS.COMMEND}`,
      "未达标：学时 46 < 50，差 4 学时", "低于70：65", "未提出书面申请",
    ];
    for (const { rules } of RESULT_HIGHLIGHTS) {
      for (const text of samples) {
        const hits = rules.filter((rule) => highlightFor(text, [rule]) !== null);
        expect(hits.length).toBeLessThanOrEqual(1);
      }
    }
  });
});

