import { appendAll } from "../../src/engine/lists";

describe("appendAll", () => {
  it("appends a list far longer than a call's arguments can be, in order", () => {
    const target = ["a"];
    const items = Array.from({ length: 300_000 }, (_, i) => `r${i}`);
    appendAll(target, items);
    expect(target).toHaveLength(300_001);
    expect([target[0], target[1], target[300_000]]).toEqual(["a", "r0", "r299999"]);
  });
});
