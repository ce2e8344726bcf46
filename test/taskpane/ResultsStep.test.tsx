/** @jest-environment jsdom */
import "./dom-setup";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { DEFAULT_RULES, evaluateWorkbook, GRADE_COLOURS, HIGHLIGHT_COLOURS, type BranchSummary, type RecognisedTable, type RunResult } from "../../src/engine";
import { generateInput } from "../../bench/generate";
import { PaneProvider } from "../../src/taskpane/context";
import { CHART_BRANCHES, ResultsStep, TABLE_BRANCHES } from "../../src/taskpane/components/ResultsStep";
import { App } from "../../src/taskpane/App";
import { GradeChart } from "../../src/taskpane/components/GradeChart";
import { FakeHost, TODAY } from "./fixtures";

const rgb = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};

async function evaluated(events = {}) {
  render(<App host={new FakeHost()} today={TODAY} events={events} />);
  await screen.findByText(/表头第 2 行 · 5 行数据/);
  fireEvent.click(screen.getByRole("button", { name: "评议" }));
  await screen.findByText(/评议完成：5 名党员/, {}, { timeout: 5000 });
}

test("grade counts are chips in each grade's one colour, as on the sheet", async () => {
  await evaluated();
  const chips = within(screen.getByRole("list", { name: "等次统计" })).getAllByRole("listitem");
  const colour = (grade: string) => chips.find((chip) => chip.dataset.grade === grade)!.style;
  for (const grade of ["优秀", "合格", "基本合格", "不合格", "待定", "不评定"] as const) {
    const expected = HIGHLIGHT_COLOURS[GRADE_COLOURS[grade]];
    expect({ grade, colours: [colour(grade).backgroundColor, colour(grade).color] }).toEqual({ grade, colours: [rgb(expected.fill), rgb(expected.font)] });
  }
  expect(colour("优秀").backgroundColor).not.toBe(colour("合格").backgroundColor);
  expect(screen.getByLabelText("不评定：1 人")).toBeTruthy();
});

test("the branch table sits in its own scrolling box, the branch column first", async () => {
  await evaluated();
  const box = screen.getByTestId("branch-table");
  const table = within(box).getByRole("table", { name: "各支部情况" });
  const firstCells = within(table).getAllByRole("row").map((row) => row.firstElementChild?.textContent);
  expect(firstCells).toEqual(["支部", "第一党支部", "第二党支部", "未填支部", "合计"]); // 刘洋 left his branch blank
});

test("the pane tells a page around it when tables are recognised and when a run starts and has been rendered", async () => {
  const calls: string[] = [];
  let result: RunResult | null = null;
  let tables: RecognisedTable[] = [];
  await evaluated({
    recognised: (t: RecognisedTable[]) => {
      tables = t;
      calls.push("recognised");
    },
    evaluateStart: () => calls.push(`start:${screen.queryByText(/评议完成/) ? "done" : "idle"}`),
    evaluateEnd: (r: RunResult | null) => {
      result = r;
      // the outcome is already on screen when the page hears of it
      calls.push(`end:${screen.queryByText(/评议完成：5 名党员/) ? "shown" : "not shown"}`);
    },
  });
  expect(calls).toEqual(["recognised", "start:idle", "end:shown"]);
  expect(tables.map((t) => t.sheet)).toEqual(["党员名单"]);
  expect(result!.members).toHaveLength(5);
  expect(result!.plan.resultBlocks[0].sheet).toBe("党员名单");
});

test("the chart names every branch in full and draws one bar segment per grade present", () => {
  const grades = { 优秀: 2, 合格: 9, 基本合格: 1, 不合格: 0, 待定: 3, 不评定: 1 };
  const branch = { branch: "县直机关事务中心党支部", grades } as unknown as BranchSummary;
  const { container } = render(<GradeChart branches={[branch]} title="各支部等次分布" gradeLabel={(g) => g} totalLabel={(n) => `${n} 人`} />);
  const texts = [...container.querySelectorAll("text")].map((t) => t.textContent);
  expect(texts).toEqual(expect.arrayContaining(["县直机关事务中心党支部", "16 人", "优秀", "不评定"]));
  expect([...container.querySelectorAll("rect[data-grade]")].map((r) => r.getAttribute("data-grade"))).toEqual(["优秀", "合格", "基本合格", "待定", "不评定"]);
  const widths = [...container.querySelectorAll("rect[data-grade]")].map((r) => Number(r.getAttribute("width")));
  expect(widths[1] / widths[0]).toBeCloseTo(9 / 2);
});

/** The results step in Chinese, as the pane shows it. */
function renderResults(result: RunResult): void {
  render(
    <FluentProvider theme={webLightTheme}>
      <PaneProvider host={new FakeHost()} locale="zh-CN">
        <ResultsStep result={result} onSelectIssue={() => undefined} />
      </PaneProvider>
    </FluentProvider>,
  );
}

test("a unit of many branches gets a chart of the first ones and a note where the rest are", () => {
  const result = evaluateWorkbook(generateInput(3000), { rules: DEFAULT_RULES, today: "2025-03-25" });
  expect(result.branches.length).toBeGreaterThan(TABLE_BRANCHES);
  renderResults(result);
  expect(screen.getByRole("img", { name: "各支部等次分布" }).querySelectorAll("g[data-branch]")).toHaveLength(CHART_BRANCHES);
  expect(screen.getByText(`另有 ${result.branches.length - CHART_BRANCHES} 个支部未画出，完整数据见“评议-支部汇总”工作表`)).toBeTruthy();
  // the table lists up to TABLE_BRANCHES branches (it scrolls in its own box), then 合计
  const rows = within(screen.getByRole("table", { name: "各支部情况" })).getAllByRole("row");
  expect(rows).toHaveLength(TABLE_BRANCHES + 2);
  expect(rows.at(-1)!.textContent).toMatch(/^合计/);
  expect(screen.getByText(`另有 ${result.branches.length - TABLE_BRANCHES} 个支部未列出，完整数据见“评议-支部汇总”工作表`)).toBeTruthy();
});

test("the 合计 row says how many branches are over their 优秀 cap, not 是", () => {
  const values = [
    ["姓名", "所在支部", "支部建议等次"],
    ["王伟", "第一党支部", "优秀"],
    ["李娜", "第一党支部", "优秀"],
    ["张强", "第一党支部", "合格"],
    ["赵敏", "第二党支部", "优秀"],
    ["刘洋", "第二党支部", "合格"],
    ["陈静", "第二党支部", "合格"],
  ];
  const result = evaluateWorkbook({ sheets: [{ name: "党员名单", values }] }, { rules: DEFAULT_RULES, today: "2025-03-25" });
  expect(result.branches.map((b) => [b.branch, b.excellentOverCap])).toEqual([
    ["第一党支部", true],
    ["第二党支部", false],
  ]);
  renderResults(result);
  const rows = within(screen.getByRole("table", { name: "各支部情况" })).getAllByRole("row");
  expect(rows.at(-1)!.textContent).toMatch(/^合计.*1 个支部超限$/);
});
