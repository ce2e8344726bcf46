/** @jest-environment jsdom */
import "../taskpane/dom-setup";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import ExcelJS from "exceljs";
import { DemoRoot } from "../../src/demo/DemoRoot";
import { demoOptions } from "../../src/demo/params";

function options(query = "") {
  const parsed = demoOptions(query, "http://127.0.0.1/demo.html");
  if (!parsed.ok) throw new Error("options");
  return parsed.options;
}

/** A secretary's roster as she keeps it: a title, a two-row header, a blank row and a footer. */
async function messyRoster(): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("花名册");
  ws.mergeCells("A1:F1");
  ws.getCell("A1").value = "某某乡党委党员评议台账";
  ws.getRow(3).values = ["序号", "党员姓名", "党支部", "学习情况", null, "书面申请"];
  ws.getRow(4).values = [null, null, null, "累计学时", "集中培训天数", null];
  ws.mergeCells("D3:E3");
  ws.getRow(5).values = [1, "张三", "第一支部", 55, 4, "是"];
  ws.getRow(7).values = [2, "李四", "第一支部", 30, 1, "否"];
  ws.getRow(9).values = ["填表人：孙八"];
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

function answer(body: ArrayBuffer | null, status = 200) {
  globalThis.fetch = (async () => ({ ok: status === 200, status, arrayBuffer: async () => body ?? new ArrayBuffer(0) })) as unknown as typeof fetch;
}

const pick = (file: File) => fireEvent.change(screen.getByLabelText("打开工作簿…"), { target: { files: [file] } });

test("?workbook= that is not there says so in Chinese, and a workbook picked from this computer opens instead", async () => {
  answer(null, 404);
  render(<DemoRoot options={options("?workbook=missing.xlsx")} />);
  await screen.findByText("找不到工作簿“missing.xlsx”（HTTP 404）：?workbook= 只能指向本站上的 .xlsx 文件；也可以点“打开工作簿…”选择本机的文件");
  pick(new File([await messyRoster()], "花名册.xlsx"));
  await screen.findByText(/表头第 4 行 · 2 行数据/, {}, { timeout: 10_000 });
  expect(screen.getByRole("tab", { name: "花名册" }).getAttribute("aria-selected")).toBe("true");
  expect(screen.getByText("花名册.xlsx")).toBeTruthy();
  expect(screen.getByText(/^演示：左侧是载入本页内存的工作簿/)).toBeTruthy();
  expect(screen.queryByRole("alert")).toBeNull();
});

test("a file that is not a workbook is refused with the command line's sentence, and the workbook shown stays", async () => {
  answer(await messyRoster());
  render(<DemoRoot options={options()} />);
  await screen.findByText(/表头第 4 行 · 2 行数据/, {}, { timeout: 10_000 });
  pick(new File(["姓名,支部\n张三,一支部\n"], "名单.xlsx"));
  const alert = await screen.findByRole("alert");
  expect(alert.textContent).toBe("文件“名单.xlsx”不是 .xlsx 工作簿（可能是改了扩展名的 CSV 或文本文件），请在 Excel 中打开它并另存为 .xlsx 后重试");
  pick(new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])], "旧表.xls"));
  await waitFor(() => expect(screen.getByRole("alert").textContent).toMatch(/^文件“旧表.xls”是旧版 Excel（.xls）、WPS 表格（.et）或设置了打开密码的工作簿/));
  pick(new File([new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])], "半截.xlsx"));
  await waitFor(() => expect(screen.getByRole("alert").textContent).toMatch(/^文件“半截.xlsx”不完整或已损坏/));
  expect(within(screen.getByRole("tablist")).getByRole("tab", { name: "花名册" })).toBeTruthy();
});
