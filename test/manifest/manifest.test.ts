/** @jest-environment jsdom */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildManifest, manifestBase, manifestFiles, parseManifest } from "../../scripts/build/manifest";
import { BuildSettingError, manifestVersion } from "../../scripts/build/settings";

/*
 * The manifest Office reads: the development one in the repository (whatever address it names)
 * and the one a production build writes for ADDIN_URL. Checked offline: Microsoft's validator
 * (`npm run validate`) needs its online service.
 */

const ROOT = resolve(__dirname, "../..");
const DEV_MANIFEST = readFileSync(resolve(ROOT, "manifest.xml"), "utf8");
const PACKAGE_VERSION = (JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8")) as { version: string }).version;
const OFFICE = "http://schemas.microsoft.com/office/appforoffice/1.1";
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const OV = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";
const SAMPLE_URL = "https://oa.example.gov.cn/xianjiao/";

/** Addresses IT might give: a path, a port, a bare host; and ADDIN_URL when the tests run with one. */
const URLS = [SAMPLE_URL, "https://10.12.0.8:8443/addins/xj/", "https://xianjiao.example.cn/", ...(process.env.ADDIN_URL ? [new URL(process.env.ADDIN_URL.replace(/\/?$/, "/")).href] : [])];

const built = (addinUrl: string) => buildManifest(DEV_MANIFEST, { addinUrl, manifestVersion: manifestVersion(PACKAGE_VERSION) });

/** Every check of a manifest that serves its task pane from `base`. */
function checkManifest(xml: string, base: string): void {
  // well-formed for a strict namespace-aware parser and for the browser's
  parseManifest(xml);
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  const first = (ns: string, name: string) => doc.getElementsByTagNameNS(ns, name)[0];
  const all = (ns: string, name: string) => [...doc.getElementsByTagNameNS(ns, name)];

  // a task-pane add-in with an id and a four-part version
  const root = doc.documentElement;
  expect([root.namespaceURI, root.localName, root.getAttributeNS(XSI, "type")]).toEqual([OFFICE, "OfficeApp", "TaskPaneApp"]);
  expect(first(OFFICE, "Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(first(OFFICE, "Version").textContent).toMatch(/^\d{1,5}(\.\d{1,5}){3}$/);

  // what the add-in relies on: Workbook, ExcelApi 1.7 (custom conditional formats 1.6, getRangeByIndexes and freezePanes 1.7), ReadWriteDocument, zh-CN
  expect(first(OFFICE, "DefaultLocale").textContent).toBe("zh-CN");
  expect(first(OFFICE, "DisplayName").getAttribute("DefaultValue")).toBe("先教评议助手");
  expect(all(OFFICE, "Host").map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
  const set = first(OFFICE, "Set");
  expect([set.getAttribute("Name"), set.getAttribute("MinVersion")]).toEqual(["ExcelApi", "1.7"]);
  expect(first(OFFICE, "Permissions").textContent).toBe("ReadWriteDocument");

  // the pane, the support page and the "learn more" link under the base
  expect(first(OFFICE, "SourceLocation").getAttribute("DefaultValue")).toBe(`${base}taskpane.html`);
  expect(first(OFFICE, "SupportUrl").getAttribute("DefaultValue")).toBe(`${base}support.html`);
  const url = (id: string | null) => all(BT, "Url").find((u) => u.getAttribute("id") === id)?.getAttribute("DefaultValue");
  expect(url(first(OV, "LearnMoreUrl").getAttribute("resid"))).toBe(`${base}support.html`);

  // the Home tab gets a 先教评议 button that shows the task pane
  expect(first(OV, "OfficeTab").getAttribute("id")).toBe("TabHome");
  const button = all(OV, "Control").find((c) => c.getAttributeNS(XSI, "type") === "Button")!;
  const labelId = button.getElementsByTagNameNS(OV, "Label")[0].getAttribute("resid");
  expect(all(BT, "String").find((s) => s.getAttribute("id") === labelId)!.getAttribute("DefaultValue")).toBe("先教评议");
  const action = button.getElementsByTagNameNS(OV, "Action")[0];
  expect(action.getAttributeNS(XSI, "type")).toBe("ShowTaskpane");
  expect(url(action.getElementsByTagNameNS(OV, "SourceLocation")[0].getAttribute("resid"))).toBe(`${base}taskpane.html`);

  // every resid points at a resource
  const ids = new Set([...all(BT, "Image"), ...all(BT, "Url"), ...all(BT, "String")].map((e) => e.getAttribute("id")).filter(Boolean));
  for (const el of doc.querySelectorAll("[resid]")) expect(ids).toContain(el.getAttribute("resid"));

  // every address is under the base (none left at another host), and every image is a PNG of the project of its stated size
  const addresses = [...doc.querySelectorAll("*")].flatMap((el) => [...el.attributes].map((a) => a.value)).filter((v) => /^https?:\/\/(?!schemas\.microsoft\.com|www\.w3\.org)/.test(v));
  expect(addresses.length).toBeGreaterThanOrEqual(9);
  for (const address of addresses) expect(address.startsWith(base) ? base : address).toBe(base);
  for (const text of all(OFFICE, "AppDomain").map((a) => a.textContent)) expect(text).toBe(new URL(base).origin);
  const images = [first(OFFICE, "IconUrl"), first(OFFICE, "HighResolutionIconUrl"), ...all(BT, "Image").filter((img) => img.getAttribute("id"))];
  expect(images.length).toBe(5);
  for (const image of images) {
    const file = resolve(ROOT, image.getAttribute("DefaultValue")!.slice(base.length));
    expect(existsSync(file)).toBe(true);
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    const size = image.localName === "IconUrl" ? 32 : image.localName === "HighResolutionIconUrl" ? 64 : Number(/(\d+)x\d+/.exec(image.getAttribute("id")!)![1]);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
  }
}

/** What office-addin-manifest (Microsoft's tool, offline part) reads from a manifest file. */
function manifestInfo(xml: string): string {
  const dir = mkdtempSync(join(tmpdir(), "xianjiao-manifest-"));
  try {
    writeFileSync(join(dir, "manifest.xml"), xml);
    const cli = require.resolve("office-addin-manifest/cli.js");
    return execFileSync(process.execPath, [cli, "info", join(dir, "manifest.xml")], { encoding: "utf8", timeout: 60_000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("the development manifest is a complete manifest for its own address (the dev server's)", () => {
  const base = manifestBase(parseManifest(DEV_MANIFEST));
  checkManifest(DEV_MANIFEST, base);
});

test.each(URLS)("the manifest built for %s points every address there, with package.json's version", (addinUrl) => {
  const xml = built(addinUrl);
  checkManifest(xml, addinUrl);
  const devOrigin = new URL(manifestBase(parseManifest(DEV_MANIFEST))).origin;
  if (new URL(addinUrl).origin !== devOrigin) expect(xml).not.toContain(devOrigin);
  expect(xml).not.toContain("localhost");
  expect(parseManifest(xml).getElementsByTagNameNS(OFFICE, "Version")[0].textContent).toBe(manifestVersion(PACKAGE_VERSION));
  expect(manifestFiles(xml, addinUrl)).toEqual(["assets/icon-16.png", "assets/icon-32.png", "assets/icon-64.png", "assets/icon-80.png", "support.html", "taskpane.html"]);
});

test("only addresses change: the built manifest is the development one but for them and the version", () => {
  const strip = (xml: string) => xml.replace(/https:\/\/[^"<]*/g, "URL").replace(/<Version>[^<]*<\/Version>/, "<Version/>").replace(/\s+/g, " ").replace(/^<\?xml[^>]*\?>/, "").trim();
  expect(strip(built(SAMPLE_URL))).toBe(strip(DEV_MANIFEST));
});

test("an address in the template outside its base stops the build instead of slipping through", () => {
  const stray = DEV_MANIFEST.replace(/(<SupportUrl DefaultValue=")[^"]*/, "$1https://elsewhere.example.com/help.html");
  expect(() => buildManifest(stray, { addinUrl: SAMPLE_URL, manifestVersion: "1.0.0.0" })).toThrow(BuildSettingError);
  expect(() => buildManifest(stray, { addinUrl: SAMPLE_URL, manifestVersion: "1.0.0.0" })).toThrow(/elsewhere\.example\.com.*不在开发地址/);
  expect(() => buildManifest(DEV_MANIFEST.replace("</OfficeApp>", "</Office>"), { addinUrl: SAMPLE_URL, manifestVersion: "1.0.0.0" })).toThrow(/manifest\.xml/);
});

test("office-addin-manifest reads the built manifest: name, type, permissions and the pane at ADDIN_URL", () => {
  const out = manifestInfo(built(SAMPLE_URL));
  expect(out).toContain("Name: 先教评议助手");
  expect(out).toContain("Type: TaskPaneApp");
  expect(out).toContain(`Version: ${manifestVersion(PACKAGE_VERSION)}`);
  expect(out).toContain("Permissions: ReadWriteDocument");
  expect(out).toContain(`Source Location: ${SAMPLE_URL}taskpane.html`);
});

const DIST_MANIFEST = resolve(ROOT, "dist/manifest.xml");
(existsSync(DIST_MANIFEST) ? test : test.skip)("dist/manifest.xml (the last build) is complete for the address it was built for", () => {
  const xml = readFileSync(DIST_MANIFEST, "utf8");
  const base = manifestBase(parseManifest(xml));
  checkManifest(xml, base);
  if (!base.includes("localhost")) expect(xml).not.toContain("localhost");
});
