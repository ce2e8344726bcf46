import type ExcelJS from "exceljs";
import { withUnitName, type WorkbookPlan } from "../../engine";
import { readZip, streamCodecs, writeZip } from "../../hosts/zip/package-zip";
import { exportSheets, summaryWorkbook } from "./planWorkbook";

/** Loads exceljs only when a summary is exported: it stays out of the first-load bundle. */
export async function loadExcel(): Promise<typeof ExcelJS> {
  const mod = (await import(/* webpackChunkName: "exceljs" */ "exceljs")) as unknown as { default?: typeof ExcelJS } & typeof ExcelJS;
  return mod.default ?? mod;
}

/** The chart writer (and the XML library it edits parts with) loads with exceljs, on export. */
async function loadAddCharts() {
  return (await import(/* webpackChunkName: "charts" */ "../../hosts/xlsx-package/add-charts")).addCharts;
}

/** The summary workbook's bytes; `unitName` names the unit in a plan made without one. */
export async function summaryBytes(plan: WorkbookPlan, unitName = ""): Promise<Uint8Array> {
  const [excel, addCharts] = await Promise.all([loadExcel(), loadAddCharts()]);
  const named = unitName.trim() === "" ? plan : { ...plan, sheets: withUnitName(plan.sheets, unitName) };
  // written stored, so its entries read back without inflating; the chart (exceljs writes none) added, then deflated where the browser can
  const buffer = await summaryWorkbook(excel, named).xlsx.writeBuffer({ zip: { compression: "STORE" } } as Parameters<ExcelJS.Xlsx["writeBuffer"]>[0]);
  const entries = addCharts(await readZip(new Uint8Array(buffer as ArrayBuffer)), exportSheets(named));
  return writeZip(entries, streamCodecs().deflate);
}

/** "先教评议汇总-某单位-2025-03-01.xlsx", without characters a file name cannot hold. */
export function summaryFileName(unitName: string, today: string): string {
  const unit = unitName.replace(/[\\/:*?"<>|\s]+/g, "").slice(0, 40);
  return `先教评议汇总-${unit ? `${unit}-` : ""}${today}.xlsx`;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Offers the bytes as a download through a temporary link. */
export function offerDownload(bytes: Uint8Array, fileName: string, type = XLSX_TYPE): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
