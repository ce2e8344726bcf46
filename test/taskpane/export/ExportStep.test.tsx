/** @jest-environment jsdom */
import "../dom-setup";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../../src/taskpane/App";
import { createMemoryHost, MemoryWorkbook } from "../../../src/hosts/memory";
import { FakeHost, rosterInput, TODAY } from "../fixtures";

test("export builds an .xlsx, offers it as a download and opens it where the host can", async () => {
  const host = new FakeHost();
  const opened: string[] = [];
  Object.assign(host, { openWorkbook: async (base64: string) => void opened.push(base64) });
  const blobs: Blob[] = [];
  const clicks: string[] = [];
  URL.createObjectURL = (blob: Blob) => (blobs.push(blob), "blob:summary");
  URL.revokeObjectURL = () => undefined;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    clicks.push(this.download);
  };

  render(<App host={host} today={TODAY} />);
  const exportButton = await screen.findByRole("button", { name: "导出汇总工作簿" });
  expect((exportButton as HTMLButtonElement).disabled).toBe(true);
  fireEvent.click(await screen.findByRole("button", { name: "评议" }, { timeout: 5000 }));
  await screen.findByText(/评议完成/, {}, { timeout: 5000 });
  fireEvent.click(exportButton);
  await screen.findByText("已生成“先教评议汇总-2025-03-10.xlsx”", {}, { timeout: 10000 });
  expect(clicks).toEqual(["先教评议汇总-2025-03-10.xlsx"]);
  expect(blobs[0].type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  expect(opened).toHaveLength(1);
  expect(opened[0].startsWith("UEsDB")).toBe(true); // a zip (.xlsx) in base64
});

test("without a unit name the export warns that the level above cannot tell units apart; with one it does not", async () => {
  const host = new FakeHost();
  render(<App host={host} today={TODAY} />);
  fireEvent.click(await screen.findByRole("button", { name: "评议" }, { timeout: 5000 }));
  await screen.findByText(/评议完成/, {}, { timeout: 5000 });
  expect(screen.getByText(/还没有填写单位名称：汇总表的“单位”一栏将是空的，上级合并各单位的汇总时只能靠文件名区分/)).toBeTruthy();

  fireEvent.change(screen.getByLabelText("单位名称"), { target: { value: "县财政局机关党委" } });
  fireEvent.click(screen.getByRole("button", { name: "保存设置" }));
  await screen.findByText(/设置已保存到工作簿/);
  fireEvent.click(screen.getByRole("button", { name: "评议" }));
  await waitFor(() => expect(host.applied).toHaveLength(2), { timeout: 5000 });
  await waitFor(() => expect(screen.queryByText(/还没有填写单位名称/)).toBeNull());
});

describe("on a Mac, where the pane's download link does nothing", () => {
  function macExcel(version: string) {
    const book = MemoryWorkbook.fromGrids(rosterInput().sheets.map((s) => ({ name: s.name, values: s.values })));
    book.platform = "Mac";
    book.apiVersions = { ExcelApi: version };
    return book;
  }

  function watchDownloads(): string[] {
    const clicks: string[] = [];
    URL.createObjectURL = () => "blob:summary";
    URL.revokeObjectURL = () => undefined;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    };
    return clicks;
  }

  async function exportFrom(book: MemoryWorkbook) {
    render(<App host={createMemoryHost(book)} today={TODAY} />);
    fireEvent.click(await screen.findByRole("button", { name: "评议" }, { timeout: 5000 }));
    await screen.findByText(/评议完成/, {}, { timeout: 5000 });
    fireEvent.click(screen.getByRole("button", { name: "导出汇总工作簿" }));
  }

  test("the summary opens as a new workbook in Excel only, and the user is told to save it", async () => {
    const clicks = watchDownloads();
    const book = macExcel("1.17");
    await exportFrom(book);
    await screen.findByText("汇总工作簿已在 Excel 中新建并打开，但还没有保存：请在新窗口中点“文件 → 另存为”保存（建议文件名“先教评议汇总-2025-03-10.xlsx”）", {}, { timeout: 10000 });
    expect(clicks).toEqual([]);
    expect(book.createdWorkbooks).toHaveLength(1);
    expect(screen.queryByText(/已下载|已生成/)).toBeNull();
  });

  test("without Excel.createWorkbook (before ExcelApi 1.8) nothing is claimed: the summary was not exported", async () => {
    const clicks = watchDownloads();
    const book = macExcel("1.7");
    await exportFrom(book);
    await screen.findByText(/^汇总没有导出：Mac 版 Excel 不能从任务窗格下载文件，这个版本也不能新建工作簿（需要 ExcelApi 1.8）/);
    expect(clicks).toEqual([]);
    expect(book.createdWorkbooks).toEqual([]);
  });
});
