/** @jest-environment jsdom */
import "./dom-setup";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { DEFAULT_RULES, evaluateWorkbook } from "../../src/engine";
import { describeError, XianjiaoError } from "../../src/errors";
import { FakeHost, rosterInput, TODAY } from "./fixtures";

function gradeCount(grade: string): number {
  const list = screen.getByRole("list", { name: "等次统计" });
  const item = within(list).getAllByRole("listitem").find((li) => li.getAttribute("data-grade") === grade)!;
  return Number(item.textContent!.replace(grade, ""));
}

async function renderReady(host: FakeHost) {
  render(<App host={host} today={TODAY} />);
  await screen.findByText(/表头第 2 行 · 5 行数据/);
}

/** The text the applied plan writes in a member's 评议等次 cell. */
function gradeCell(host: FakeHost, name: string): string {
  const block = host.applied.at(-1)!.resultBlocks[0];
  const col = block.headers.indexOf("评议等次");
  const sheetRow = rosterInput().sheets[0].values.findIndex((row) => row[1] === name);
  return block.rows[sheetRow - block.headerRow - 1][col];
}

test("评议 reads, evaluates, writes the plan and shows the grade counts", async () => {
  const host = new FakeHost();
  await renderReady(host);
  fireEvent.click(screen.getByRole("button", { name: "评议" }));
  await screen.findByText(/评议完成：5 名党员/, {}, { timeout: 5000 });
  expect(host.applied).toHaveLength(1);
  const expected = evaluateWorkbook(rosterInput(), { rules: DEFAULT_RULES, today: TODAY() });
  for (const grade of ["优秀", "合格", "基本合格", "不合格", "待定", "不评定"] as const) {
    expect(gradeCount(grade)).toBe(expected.total.grades[grade]);
  }
  expect(gradeCount("不评定")).toBe(1); // 赵敏 is 预备党员
  // one row per branch plus 合计 in the branch table, and a bar group per branch in the chart
  const table = screen.getByRole("table", { name: "各支部情况" });
  expect(within(table).getAllByRole("row").map((r) => r.getAttribute("data-branch"))).toEqual([null, "第一党支部", "第二党支部", "未填支部", "合计"]);
  expect(screen.getByRole("img", { name: "各支部等次分布" }).querySelectorAll("rect[data-grade]").length).toBeGreaterThan(0);
});

test("the mapping editor's choice reaches the evaluation as an override", async () => {
  const input = rosterInput();
  input.sheets[0].values[1][4] = "学习积分";
  const host = new FakeHost(input);
  await renderReady(host);
  fireEvent.click(screen.getByRole("combobox", { name: "“学习积分”对应的字段（党员名单 E 列）" }));
  fireEvent.click(await screen.findByRole("option", { name: "学时" }));
  await screen.findByText("已修改 1 处对应关系，评议时生效");
  fireEvent.click(screen.getByRole("button", { name: "评议" }));
  await screen.findByText(/评议完成/, {}, { timeout: 5000 });
  const block = host.applied[0].resultBlocks[0];
  const study = block.headers.indexOf("学习情况");
  const liRow = block.rows[3 - block.headerRow - 1];
  expect(liRow[study]).toMatch(/^未达标/); // 李娜: 46 学时 < 50
});

test("cancel stops a running evaluation without an error", async () => {
  const host = new FakeHost();
  host.applyGate = new Promise(() => undefined);
  await renderReady(host);
  fireEvent.click(screen.getByRole("button", { name: "评议" }));
  const progress = await screen.findByRole("progressbar");
  expect(Number(progress.getAttribute("aria-valuenow"))).toBeGreaterThan(0);
  fireEvent.click(screen.getByRole("button", { name: "取消" }));
  await screen.findByText("已取消评议");
  expect(screen.queryByRole("progressbar")).toBeNull();
  expect(host.applied).toHaveLength(0);
  expect(document.querySelector(".fui-MessageBar[class*='error'], [data-intent='error']")).toBeNull();
  expect(screen.queryByText(/发生了意外错误/)).toBeNull();
});

test("a host failure is shown as the Chinese sentence from describeError", async () => {
  const host = new FakeHost();
  host.applyError = new XianjiaoError("FILE_WRITE_FAILED", { file: "台账.xlsx", detail: "工作表受保护" });
  await renderReady(host);
  fireEvent.click(screen.getByRole("button", { name: "评议" }));
  const sentence = describeError(host.applyError);
  expect(sentence).toContain("工作表受保护");
  await screen.findByText(sentence);
  expect(screen.queryByText(/评议完成/)).toBeNull();
});

test("clicking a data issue selects its cell", async () => {
  const host = new FakeHost();
  await renderReady(host);
  fireEvent.click(screen.getByRole("button", { name: "评议" }));
  const list = await screen.findByRole("list", { name: /数据问题（2）/ }, { timeout: 5000 });
  const issue = within(list).getByRole("button", { name: /党员名单!E7.*“学时（小时）”应为数字，实际为“五十”/ });
  await act(async () => fireEvent.click(issue));
  expect(host.selected).toEqual([{ sheet: "党员名单", cell: "E7" }]);
});

test("settings: a bad threshold shows the schema's message at the field; a good one saves and changes the result", async () => {
  const host = new FakeHost();
  await renderReady(host);
  fireEvent.click(screen.getByRole("button", { name: "评议" }));
  await screen.findByText(/评议完成/, {}, { timeout: 5000 });
  expect(gradeCell(host, "李娜")).toBeTruthy();
  const hoursBefore = host.applied[0].resultBlocks[0].rows[3 - 1 - 1][0];
  expect(hoursBefore).toMatch(/^未达标/);

  const hours = screen.getByLabelText("学时（不少于）");
  fireEvent.change(hours, { target: { value: "-5" } });
  fireEvent.click(screen.getByRole("button", { name: "保存设置" }));
  await screen.findByText("应为不小于 0 的数字");
  expect(hours.getAttribute("aria-invalid")).toBe("true");
  expect(host.saved).toHaveLength(0);

  fireEvent.change(hours, { target: { value: "40" } });
  fireEvent.click(screen.getByRole("radio", { name: "四阶段" }));
  fireEvent.click(screen.getByRole("button", { name: "保存设置" }));
  await screen.findByText(/设置已保存到工作簿/);
  expect(screen.queryByText("应为不小于 0 的数字")).toBeNull();
  const stored = host.saved[0] as { rules: typeof DEFAULT_RULES; mappings: unknown };
  expect(stored.mappings).toEqual({});
  const saved = stored.rules;
  expect(saved.study.minHours).toBe(40);
  expect(saved.stages.scheme).toBe("四阶段");
  expect(saved.stages.list).toHaveLength(4);
  expect(saved.excellent.maxShare).toBe(1 / 3); // untouched fields keep their exact value

  fireEvent.click(screen.getByRole("button", { name: "评议" }));
  await waitFor(() => expect(host.applied).toHaveLength(2), { timeout: 5000 });
  expect(host.applied[1].resultBlocks[0].rows[3 - 1 - 1][0]).not.toMatch(/^未达标/);
});

test("settings stored in the workbook are loaded; invalid ones fall back to the defaults with a warning", async () => {
  const host = new FakeHost();
  host.settings = { study: { minHours: 40 }, unitName: "市直机关工委" };
  await renderReady(host);
  await waitFor(() => expect((screen.getByLabelText("学时（不少于）") as HTMLInputElement).value).toBe("40"));
  expect((screen.getByLabelText("单位名称") as HTMLInputElement).value).toBe("市直机关工委");

  const broken = new FakeHost();
  broken.settings = { study: { minHours: "很多" } };
  render(<App host={broken} today={TODAY} />);
  await screen.findByText(/工作簿中保存的设置有误，已改用默认设置：study\.minHours：应为不小于 0 的数字/);
});

test("the pane speaks English when asked", async () => {
  render(<App host={new FakeHost()} locale="en" today={TODAY} />);
  await screen.findByText(/header row 2 · 5 data rows/);
  expect(screen.getByRole("button", { name: "Evaluate" })).toBeTruthy();
  expect(screen.getByRole("button", { name: "Export summary workbook" })).toBeTruthy();
});
