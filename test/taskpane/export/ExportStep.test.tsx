/** @jest-environment jsdom */
import "../dom-setup";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../../src/taskpane/App";
import { createMemoryHost, MemoryWorkbook } from "../../../src/hosts/memory";
import { FakeHost, rosterInput, TODAY } from "../fixtures";

/** Downloads the pane offers: each link's file name and its blob. */
function watchDownloads(): { file: string; blob: Blob }[] {
  const downloads: { file: string; blob: Blob }[] = [];
  let last: Blob | null = null;
  URL.createObjectURL = (blob: Blob) => ((last = blob), "blob:download");
  URL.revokeObjectURL = () => undefined;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    downloads.push({ file: this.download, blob: last! });
  };
  return downloads;
}

const blobText = (blob: Blob) => new Promise<string>((resolve) => {
  const reader = new FileReader();
  reader.onload = () => resolve(String(reader.result));
  reader.readAsText(blob);
});

const blobBytes = (blob: Blob) => new Promise<ArrayBuffer>((resolve) => {
  const reader = new FileReader();
  reader.onload = () => resolve(reader.result as ArrayBuffer);
  reader.readAsArrayBuffer(blob);
});

async function evaluated(host: FakeHost) {
  render(<App host={host} today={TODAY} />);
  fireEvent.click(await screen.findByRole("button", { name: "评议" }, { timeout: 5000 }));
  await screen.findByText(/评议完成/, {}, { timeout: 5000 });
}

test("without a unit name, export asks for it, names the file it saved with it and keeps it in the rule settings", async () => {
  const host = new FakeHost();
  const opened: string[] = [];
  Object.assign(host, { openWorkbook: async (base64: string) => void opened.push(base64) });
  const downloads = watchDownloads();
  await evaluated(host);
  const exportButton = screen.getByRole("button", { name: "导出汇总工作簿" }) as HTMLButtonElement;
  // no unit yet: the name is asked for here, not in the settings
  expect(exportButton.disabled).toBe(true);
  expect(screen.queryByRole("button", { name: "生成邮件" })).toBeNull();
  fireEvent.change(screen.getByLabelText(/本单位名称/), { target: { value: "县财政局机关党委" } });
  expect(exportButton.disabled).toBe(false);
  fireEvent.click(exportButton);
  await screen.findByText("汇总工作簿已保存为“先教评议汇总-县财政局机关党委-2025-03-10.xlsx”（在浏览器的下载文件夹中）", {}, { timeout: 10000 });
  expect(downloads.map((d) => [d.file, d.blob.type])).toEqual([["先教评议汇总-县财政局机关党委-2025-03-10.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]]);
  expect(opened).toHaveLength(1);
  expect(opened[0].startsWith("UEsDB")).toBe(true); // a zip (.xlsx) in base64
  await waitFor(() => expect(host.saved).toHaveLength(1));
  expect(host.saved[0]).toMatchObject({ rules: { unitName: "县财政局机关党委" } });
});

test("生成邮件 beside the export: a draft with the summary attached, to the saved 上报邮箱", async () => {
  const host = new FakeHost();
  host.settings = { rules: { unitName: "县财政局机关党委", reportEmail: "xjb@example.gov.cn" }, mappings: {} };
  const downloads = watchDownloads();
  await evaluated(host);
  expect(screen.queryByLabelText(/本单位名称/)).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "导出汇总工作簿" }));
  fireEvent.click(await screen.findByRole("button", { name: "生成邮件" }, { timeout: 10000 }));
  await screen.findByText("邮件草稿已保存为“上报邮件-县财政局机关党委-2025-03-10.eml”（收件人 xjb@example.gov.cn，附件为汇总工作簿）：打开它，核对后点发送");
  expect(downloads.map((d) => [d.file, d.blob.type])).toEqual([
    ["先教评议汇总-县财政局机关党委-2025-03-10.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["上报邮件-县财政局机关党委-2025-03-10.eml", "message/rfc822"],
  ]);
  const eml = await blobText(downloads[1].blob);
  expect(eml).toMatch(/^To: xjb@example\.gov\.cn\r\nSubject: =\?UTF-8\?B\?/);
  expect(eml).toMatch(/\r\nX-Unsent: 1\r\n/);
  expect(eml).toMatch(/filename\*0?\*?=UTF-8''/);
  // the attachment is the workbook just exported
  const attachmentPart = eml.slice(eml.lastIndexOf("Content-Disposition: attachment"));
  const attached = attachmentPart.slice(attachmentPart.indexOf("\r\n\r\n") + 4, attachmentPart.indexOf("\r\n\r\n--")).replace(/\r\n/g, "");
  const exported = new Uint8Array(await blobBytes(downloads[0].blob));
  expect(attached).toBe(Buffer.from(exported).toString("base64"));
});

describe("on a Mac, where the pane's download link does nothing", () => {
  function macExcel(version: string) {
    const book = MemoryWorkbook.fromGrids(rosterInput().sheets.map((s) => ({ name: s.name, values: s.values })));
    book.platform = "Mac";
    book.apiVersions = { ExcelApi: version };
    return book;
  }


  async function exportFrom(book: MemoryWorkbook) {
    render(<App host={createMemoryHost(book)} today={TODAY} />);
    fireEvent.click(await screen.findByRole("button", { name: "评议" }, { timeout: 5000 }));
    await screen.findByText(/评议完成/, {}, { timeout: 5000 });
    fireEvent.change(screen.getByLabelText(/本单位名称/), { target: { value: "县财政局机关党委" } });
    fireEvent.click(screen.getByRole("button", { name: "导出汇总工作簿" }));
  }

  test("the summary opens as a new workbook in Excel only, and the user is told to save it", async () => {
    const clicks = watchDownloads();
    const book = macExcel("1.17");
    await exportFrom(book);
    await screen.findByText("汇总工作簿已在 Excel 中新建并打开，但还没有保存：请在新窗口中点“文件 → 另存为”保存（建议文件名“先教评议汇总-县财政局机关党委-2025-03-10.xlsx”）", {}, { timeout: 10000 });
    expect(clicks).toEqual([]);
    expect(book.createdWorkbooks).toHaveLength(1);
    expect(screen.queryByText(/已下载|已保存为/)).toBeNull();
    // no download, so no e-mail to offer
    expect(screen.queryByRole("button", { name: "生成邮件" })).toBeNull();
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
