/** @jest-environment jsdom */
import "./dom-setup";
import { fireEvent, render, screen } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { FakeHost, TODAY } from "./fixtures";

/** A workbook of plans and minutes: no sheet has a 姓名 header. */
function noRoster() {
  return new FakeHost({
    sheets: [
      { name: "工作安排", values: [["日期", "事项", "负责人"], ["9月1日", "动员大会", "王书记"]] },
      { name: "会议记录", values: [["第一次支委会"]] },
    ],
  });
}

test("without a member list the pane names the sheets it looked at and what header it needs", async () => {
  render(<App host={noRoster()} today={TODAY} />);
  await screen.findByText(/没有识别到党员名单表：“工作安排”、“会议记录”中都没有含“姓名”（或“党员姓名”）列的表头行/);
});

test("评议 without a member list writes nothing and says why, instead of reporting 0 members done", async () => {
  const host = noRoster();
  render(<App host={host} today={TODAY} />);
  await screen.findByText(/没有识别到党员名单表/);
  fireEvent.click(screen.getByRole("button", { name: "评议" }));
  await screen.findByText(/没有找到党员名单，未评议，工作簿没有改动：“工作安排”、“会议记录”中都没有/, {}, { timeout: 5000 });
  expect(host.applied).toHaveLength(0);
  expect(screen.queryByText(/评议完成/)).toBeNull();
  expect(screen.queryByRole("list", { name: "等次统计" })).toBeNull();
});

test("before the first run step 3 says what will appear there, so the steps read 1 to 6", async () => {
  render(<App host={new FakeHost()} today={TODAY} />);
  await screen.findByText(/表头第 2 行 · 5 行数据/);
  expect(screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent)).toEqual(["1. 识别结果", "2. 评议", "3. 评议结果", "4. 导出汇总工作簿", "5. 规则设置", "6. 汇总上报（合并各单位的汇总表）"]);
  // Each step is a region named by its heading, so a screen reader can jump between them.
  for (const name of ["1. 识别结果", "2. 评议", "3. 评议结果", "4. 导出汇总工作簿", "5. 规则设置", "6. 汇总上报（合并各单位的汇总表）"]) expect(screen.getByRole("region", { name })).toBeTruthy();
  expect(screen.getByText(/点“评议”后，这里显示等次统计/)).toBeTruthy();
});

test("a unit survey sheet (回头看) is listed with the tables it recognised", async () => {
  const host = new FakeHost({
    sheets: [
      { name: "党员名单", values: [["姓名", "所在支部"], ["张伟", "第一党支部"]] },
      { name: "单位测评", values: [["单位", "满意", "基本满意", "不满意"], ["县财政局", 35, 10, 5], ["县住建局", 12, 9, 29]] },
    ],
  });
  render(<App host={host} today={TODAY} />);
  const line = await screen.findByText("单位测评表 · 2 个单位的票数");
  expect(line.closest("li")!.getAttribute("data-sheet")).toBe("单位测评");
});
