/** @jest-environment jsdom */
import "./dom-setup";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { FakeHost, TODAY } from "./fixtures";

/**
 * Text of the pane with the user's own words (sheet, header, branch and member names, cell values)
 * taken out, and the sheet's own sentences the pane quotes (marked as Chinese text).
 */
function paneTextWithoutUserWords(container: HTMLElement): string {
  const copy = container.cloneNode(true) as HTMLElement;
  for (const quoted of copy.querySelectorAll('[lang="zh-CN"]')) quoted.remove();
  container = copy;
  const userWords = ["党员名单", "第一党支部", "第二党支部", "未填支部", "学时（小时）", "心得篇数", "张伟", "李娜", "王强", "赵敏", "刘洋", "五十", "序号", "姓名", "所在支部", "党员类别", "集中学习天数", "满意度", "书面申请", "支部建议等次", "应到人数", "实到人数", "赞成"];
  let text = container.textContent ?? "";
  for (const word of userWords.sort((a, b) => b.length - a.length)) text = text.split(word).join("");
  return text.replace(/“[^”]*”/g, "");
}

test("in English the mapping, grades, chart, rules switched off and settings have no Chinese left", async () => {
  const { container } = render(<App host={new FakeHost()} locale="en" today={TODAY} />);
  await screen.findByText(/header row 2 · 5 data rows/);
  expect(container.querySelector('li[data-sheet="党员名单"]')!.textContent).toMatch(/^党员名单 \(member list\)/);
  // the editor starts open: 心得篇数 is a header no field took
  expect(screen.getByRole("button", { name: /column mapping/ }).getAttribute("aria-expanded")).toBe("true");
  expect(screen.getByTitle("M 心得篇数").textContent).toBe("M 心得篇数 (not recognised)");
  expect(screen.getByRole("combobox", { name: "Field for “学时（小时）” (党员名单 column E)" }).textContent).toBe("Study hours");
  fireEvent.click(screen.getByRole("button", { name: "Evaluate" }));
  await screen.findByText(/Done: 5 members/, {}, { timeout: 5000 });
  const chips = within(screen.getByRole("list", { name: "Grades" })).getAllByRole("listitem");
  expect(chips.map((chip) => chip.textContent!.replace(/\d+$/, ""))).toEqual(["Excellent", "Qualified", "Basically qualified", "Unqualified", "Undecided", "Not graded"]);
  const rulesOff = within(screen.getByRole("list", { name: "Rules switched off (columns missing):" })).getAllByRole("listitem");
  expect(rulesOff.find((item) => item.dataset.rule === "R16")!.textContent).toMatch(/^R16 discipline: no “Disciplined” column was recognised; no header looks like it either/);
  const chart = screen.getByRole("img", { name: "Grades per branch" });
  expect([...chart.querySelectorAll("g[data-legend] text")].map((t) => t.textContent)).toContain("Basically qualified");
  expect(screen.getByRole("radio", { name: "Four stages" })).toBeTruthy();
  fireEvent.change(screen.getByLabelText("Study hours (at least)"), { target: { value: "many" } });
  fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
  await screen.findByText("should be a number, 0 or more");
  expect(paneTextWithoutUserWords(container)).not.toMatch(/[\u2e80-\u9fff]/);
});

test("the chart's totals fit inside it whatever the language makes of them", async () => {
  render(<App host={new FakeHost()} locale="en" today={TODAY} />);
  await screen.findByText(/header row 2 · 5 data rows/);
  fireEvent.click(screen.getByRole("button", { name: "Evaluate" }));
  await screen.findByText(/Done: 5 members/, {}, { timeout: 5000 });
  const chart = screen.getByRole("img", { name: "Grades per branch" });
  const width = Number(chart.getAttribute("viewBox")!.split(" ")[2]);
  for (const total of chart.querySelectorAll("g[data-branch] > text:last-of-type")) {
    // 11 px text, about 0.6 em a character: the label ends inside the box
    expect(Number(total.getAttribute("x")) + total.textContent!.length * 11 * 0.6).toBeLessThanOrEqual(width);
  }
});
