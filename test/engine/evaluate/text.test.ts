import { chineseNumeral, shareText } from "../../../src/engine/evaluate";

describe("wording helpers", () => {
  it("write month counts the way the Party Constitution does", () => {
    expect([1, 6, 10, 12, 20, 24, 99].map(chineseNumeral)).toEqual(["一", "六", "十", "十二", "二十", "二十四", "九十九"]);
    expect(chineseNumeral(120)).toBe("120");
  });

  it("name ballot shares in words where there is a usual word", () => {
    expect([0.5, 1 / 3, 2 / 3, 0.6].map(shareText)).toEqual(["半数", "三分之一", "三分之二", "60%"]);
  });
});
