/** @jest-environment jsdom */
import "./dom-setup";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { DEFAULT_RULES, evaluateWorkbook, GRADE_COLOURS, HIGHLIGHT_COLOURS, todoList, type BranchSummary, type RecognisedTable, type RunResult } from "../../src/engine";
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

test("the branch table fits the pane: per branch its members, each rate beside what it is taken over, the rest behind a details button", async () => {
  await evaluated();
  const table = within(screen.getByTestId("branch-table")).getByRole("table", { name: "各支部情况" });
  const rows = within(table).getAllByRole("row");
  expect(within(rows[0]).getAllByRole("columnheader").map((cell) => cell.textContent)).toEqual(["支部", "学习达标率", "平均满意度", ""]);
  expect(rows.slice(1).map((row) => row.getAttribute("data-branch"))).toEqual(["第一党支部", "第二党支部", "未填支部", "合计"]); // 刘洋 left his branch blank
  const cells = (branch: string) => within(rows.find((row) => row.getAttribute("data-branch") === branch)!).getAllByRole("cell").map((cell) => cell.textContent);
  // 张伟 52 学时 and 李娜 46: half met; 刘洋 wrote 五十, so his branch has no hours entered at all
  expect(cells("第一党支部").slice(0, 3)).toEqual(["第一党支部 2 人", "50%已录入 2 / 2", "88.5已录入 2 / 2"]);
  expect(cells("未填支部").slice(0, 3)).toEqual(["未填支部 1 人", "—已录入 0 / 1", "88已录入 1 / 1"]);
  expect(cells("合计").slice(0, 3)).toEqual(["合计 5 人", "75%已录入 4 / 5", "84已录入 5 / 5"]);

  const details = within(table).getByRole("button", { name: "第二党支部：详情" });
  expect(details.getAttribute("aria-expanded")).toBe("false");
  fireEvent.click(details);
  expect(details.getAttribute("aria-expanded")).toBe("true");
  const lines = within(table.querySelector('[data-details="第二党支部"]') as HTMLElement).getAllByRole("listitem").map((li) => li.textContent);
  expect(lines).toEqual([
    "正式党员 1 人，预备党员 1 人",
    "等次：基本合格 1，不评定 1",
    "优秀 0 人，上限 0 人（正式党员的三分之一）",
    "待审批 0 人，待公示 0 人",
    "平均学时 57.5（已录入 2 / 2）",
    "满意度低于标准 1 人（已录入 2 / 2）",
    "未提交书面申请 0 人（已录入 2 / 2）",
    "有处置事项 1 人",
  ]);
  fireEvent.click(details);
  expect(table.querySelector('[data-details="第二党支部"]')).toBeNull();
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
        <ResultsStep result={result} todo={todoList(result.members)} rules={DEFAULT_RULES} onSelectIssue={() => undefined} />
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

test("a branch over its 优秀 cap wears a badge, the 合计 row says how many branches are over, and a warning names them at the top", () => {
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
  const table = screen.getByRole("table", { name: "各支部情况" });
  const badge = (branch: string) => table.querySelector(`[data-branch="${branch}"] [data-testid="over-cap"]`)?.textContent ?? null;
  expect([badge("第一党支部"), badge("第二党支部"), badge("合计")]).toEqual(["优秀超限", null, "1 个支部超限"]);
  // and said above everything else, with the numbers
  expect(screen.getByTestId("over-cap-warning").textContent).toBe("优秀超限，请复核： 第一党支部（优秀 2 人，上限 1 人）");
});
