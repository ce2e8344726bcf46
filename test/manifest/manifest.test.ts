/** @jest-environment jsdom */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

const ROOT = resolve(__dirname, "../..");
const text = readFileSync(resolve(ROOT, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(text, "application/xml");
const OFFICE = "http://schemas.microsoft.com/office/appforoffice/1.1";
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const OV = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";

const first = (ns: string, name: string) => doc.getElementsByTagNameNS(ns, name)[0];
const all = (ns: string, name: string) => [...doc.getElementsByTagNameNS(ns, name)];

test("the manifest is well-formed XML of a task-pane add-in", () => {
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  const root = doc.documentElement;
  expect(root.localName).toBe("OfficeApp");
  expect(root.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type")).toBe("TaskPaneApp");
  expect(first(OFFICE, "Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(first(OFFICE, "Version").textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
});

test("it asks for what the add-in relies on: Workbook, ExcelApi 1.7 (custom conditional formats 1.6, getRangeByIndexes and freezePanes 1.7), ReadWriteDocument, zh-CN", () => {
  expect(first(OFFICE, "DefaultLocale").textContent).toBe("zh-CN");
  expect(first(OFFICE, "DisplayName").getAttribute("DefaultValue")).toBe("先教评议助手");
  expect(all(OFFICE, "Host").map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
  const set = first(OFFICE, "Set");
  expect([set.getAttribute("Name"), set.getAttribute("MinVersion")]).toEqual(["ExcelApi", "1.7"]);
  expect(first(OFFICE, "Permissions").textContent).toBe("ReadWriteDocument");
  expect(first(OFFICE, "SourceLocation").getAttribute("DefaultValue")).toBe("https://localhost:3000/taskpane.html");
});

test("the Home tab gets a 先教评议 button that shows the task pane, with icons that exist", () => {
  const tab = first(OV, "OfficeTab");
  expect(tab.getAttribute("id")).toBe("TabHome");
  const button = all(OV, "Control").find((c) => c.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type") === "Button")!;
  const labelId = button.getElementsByTagNameNS(OV, "Label")[0].getAttribute("resid");
  const label = all(BT, "String").find((s) => s.getAttribute("id") === labelId)!;
  expect(label.getAttribute("DefaultValue")).toBe("先教评议");
  const action = button.getElementsByTagNameNS(OV, "Action")[0];
  expect(action.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type")).toBe("ShowTaskpane");
  const urlId = action.getElementsByTagNameNS(OV, "SourceLocation")[0].getAttribute("resid");
  expect(all(BT, "Url").find((u) => u.getAttribute("id") === urlId)!.getAttribute("DefaultValue")).toBe("https://localhost:3000/taskpane.html");

  // every resid points at a resource, and every image is a PNG in assets/ of its stated size
  const ids = new Set([...all(BT, "Image"), ...all(BT, "Url"), ...all(BT, "String")].map((e) => e.getAttribute("id")).filter(Boolean));
  for (const el of doc.querySelectorAll("[resid]")) expect(ids).toContain(el.getAttribute("resid"));
  const images = all(BT, "Image").filter((img) => img.getAttribute("id"));
  expect(images.length).toBe(3);
  for (const image of images) {
    const file = resolve(ROOT, new URL(image.getAttribute("DefaultValue")!).pathname.slice(1));
    expect(existsSync(file)).toBe(true);
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    const size = Number(/(\d+)x\d+/.exec(image.getAttribute("id")!)![1]);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
  }
});

test("office-addin-manifest reads it", () => {
  const cli = require.resolve("office-addin-manifest/cli.js");
  const out = execFileSync(process.execPath, [cli, "info", "manifest.xml"], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  expect(out).toContain("Name: 先教评议助手");
  expect(out).toContain("Type: TaskPaneApp");
  expect(out).toContain("Permissions: ReadWriteDocument");
  expect(out).toContain("Source Location: https://localhost:3000/taskpane.html");
});
