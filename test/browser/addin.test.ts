/** @jest-environment node */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { legacyZh } from "../../src/i18n/legacy";
import { OFFICE_CDN } from "../../src/taskpane/startup/marks";
import { officeJsFiles } from "../../scripts/build/officeJs";
import { buildAddin } from "./build";
import { serveFolder } from "./serve";

/*
 * The production build IT puts on its server, in real Chromium: what dist/ holds, and what the
 * task pane says when it cannot run — outside Excel, without Office.js, in a web view too old for
 * the bundle, with its files broken. Microsoft's CDN is unreachable here, as on an intranet; where
 * a test needs it "reachable", it is answered with the package's copy.
 */

jest.setTimeout(600_000);

const ADDIN_URL = "https://oa.example.gov.cn/xianjiao/";
const CONTACT = "县委组织部信息科，电话 0000-1234567";
const CDN_BASE = OFFICE_CDN.replace(/office\.js$/, "");
const OFFICE_DIST = resolve(__dirname, "../../node_modules/@microsoft/office-js/dist");
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

let dist: string;
let server: { origin: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), "xianjiao-addin-"));
  await buildAddin(dist, { ADDIN_URL, OFFICE_JS: "cdn", SUPPORT_CONTACT: CONTACT });
  server = await serveFolder(dist);
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: FLAGS, headless: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split("\\").join("/"))
    .sort();
}

interface Opened {
  page: Page;
  context: BrowserContext;
  requests: string[];
  errors: string[];
  /** The pane's text once it says something other than "starting". */
  message(): Promise<string>;
}

/**
 * The built task pane in a Chinese Chromium. Microsoft's CDN fails unless `cdn` is given;
 * `routes` answer some of our own files differently (a missing office.js, a broken bundle).
 */
async function openPane(options: { cdn?: "reachable"; routes?: Record<string, (url: string) => { status: number; body?: string }>; init?: () => void } = {}): Promise<Opened> {
  const context = await browser.newContext({ locale: "zh-CN" });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(e.message));
  await page.route(`${CDN_BASE}**`, (route) => {
    if (options.cdn !== "reachable") return route.abort("namenotresolved");
    const file = join(OFFICE_DIST, new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, ""));
    return existsSync(file) ? route.fulfill({ path: file, contentType: "text/javascript" }) : route.fulfill({ status: 404 });
  });
  for (const [pattern, answer] of Object.entries(options.routes ?? {})) {
    await page.route(`${server.origin}/${pattern}`, (route) => {
      const { status, body } = answer(route.request().url());
      return route.fulfill({ status, body: body ?? "", contentType: "text/javascript" });
    });
  }
  if (options.init) await page.addInitScript(options.init);
  await page.goto(`${server.origin}/taskpane.html`);
  const message = async () => {
    await page.waitForFunction(() => !!document.querySelector("#root [role=alert], #root [role=status]"), null, { timeout: 60_000 });
    await page.waitForLoadState("load");
    return page.locator("#root").innerText();
  };
  return { page, context, requests, errors, message };
}

describe("dist/ for ADDIN_URL", () => {
  test("holds the task pane, its start-up scripts and chunks, the icons, Office.js, the manifest and the support pages — nothing of the demo", () => {
    const files = filesUnder(dist);
    const ours = files.filter((f) => !f.startsWith("office-js/")).map((f) => f.replace(/\.[0-9a-f]{8}\.js/, ".#.js"));
    expect(ours).toEqual([
      "assets/icon-16.png",
      "assets/icon-32.png",
      "assets/icon-64.png",
      "assets/icon-80.png",
      "charts.#.js",
      "exceljs.#.js",
      "exceljs.#.js.LICENSE.txt",
      "manifest.xml",
      "office-fallback.#.js",
      "rules.html",
      "startup.#.js",
      "support.html",
      "taskpane.#.js",
      "taskpane.#.js.LICENSE.txt",
      "taskpane.html",
    ]);
    expect(files.filter((f) => /demo|example|sample|\.xlsx$/i.test(f))).toEqual([]);
    expect(files.filter((f) => f.startsWith("office-js/")).map((f) => f.slice("office-js/".length))).toEqual(officeJsFiles(OFFICE_DIST).sort());
    for (const f of files.filter((f) => f.startsWith("office-js/"))) expect(readFileSync(join(dist, f))).toEqual(readFileSync(join(OFFICE_DIST, f.slice("office-js/".length))));
  });

  test("its manifest points at ADDIN_URL, and every file it names is in dist/", () => {
    const manifest = readFileSync(join(dist, "manifest.xml"), "utf8");
    expect(manifest).not.toContain("localhost");
    const addresses = [...manifest.matchAll(/"(https:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(addresses.length).toBeGreaterThanOrEqual(9);
    for (const address of addresses) {
      expect(address.startsWith(ADDIN_URL)).toBe(true);
      expect(existsSync(join(dist, address.slice(ADDIN_URL.length)))).toBe(true);
    }
  });

  test("the task pane loads the ES5 check first, then Office.js from the CDN, the fallback, and the bundle deferred, under a policy that allows just that", () => {
    const html = readFileSync(join(dist, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1].replace(/\.[0-9a-f]{8}\.js/, ".#.js").trim());
    expect(scripts).toEqual(["src=startup.#.js", `src=${OFFICE_CDN}`, "src=office-fallback.#.js", "defer src=taskpane.#.js"]);
    expect(html).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(html).toContain("connect-src 'self';");
    expect(html).toContain("正在启动先教评议助手…");
  });
});

describe("the task pane says something wherever it is opened", () => {
  test("outside Excel with Microsoft's CDN unreachable: our own Office.js takes over and the pane says to open it in Excel", async () => {
    const pane = await openPane();
    try {
      expect(await pane.message()).toContain("不能直接在浏览器中使用。请在 Excel 中打开");
      const ours = (path: string) => `${server.origin}/${path}`;
      // the CDN was tried, then our copy, and office.js took its other files from beside our copy
      expect(pane.requests).toContain(OFFICE_CDN);
      expect(pane.requests).toContain(ours("office-js/office.js"));
      expect(pane.requests).toContain(ours("office-js/o15apptofilemappingtable.js"));
      // no request anywhere but our server and Office's own script (the policy stops Office's telemetry frame)
      expect(pane.requests.filter((url) => !url.startsWith(server.origin) && url !== OFFICE_CDN)).toEqual([]);
      expect(pane.errors).toEqual([]);
      expect(await pane.page.evaluate(() => [...document.scripts].filter((s) => s.src.endsWith("office.js")).map((s) => s.getAttribute("src")))).toEqual(["office-js/office.js"]);
    } finally {
      await pane.context.close();
    }
  });

  test("outside Excel with the CDN reachable: Office.js comes from there and our copy is not fetched", async () => {
    const pane = await openPane({ cdn: "reachable" });
    try {
      expect(await pane.message()).toContain("请在 Excel 中打开");
      expect(pane.requests).toContain(`${CDN_BASE}o15apptofilemappingtable.js`);
      expect(pane.requests.filter((url) => url.includes("/office-js/"))).toEqual([]);
    } finally {
      await pane.context.close();
    }
  });

  test("with Office.js missing everywhere (CDN unreachable, our copy gone from the server), the pane says so", async () => {
    const pane = await openPane({ routes: { "office-js/**": () => ({ status: 404 }) } });
    try {
      const text = await pane.message();
      expect(text).toContain("没有加载到 Office 的脚本库（office.js）");
      expect(text).toContain("office-js 文件夹");
      expect(text).toContain("使用说明和联系人");
      expect(pane.errors).toEqual([]);
    } finally {
      await pane.context.close();
    }
  });

  test("in an Excel without ExcelApi 1.7 (Office.js answered by a stand-in that reports 1.6), the pane names the Excel versions needed", async () => {
    const standIn = `window.Office = { onReady: function () { return Promise.resolve({ host: "Excel", platform: "PC" }); },
      context: { displayLanguage: "zh-CN", requirements: { isSetSupported: function (name, version) { return name === "ExcelApi" && Number(version.split(".")[1]) <= 6; } } } };`;
    const pane = await openPane({ routes: { "office-js/office.js": () => ({ status: 200, body: standIn }) } });
    try {
      const text = await pane.message();
      expect(text).toContain("需要 ExcelApi 1.7");
      expect(text).toContain("版本 1801");
    } finally {
      await pane.context.close();
    }
  });

  test("in a web view without ES2022's built-ins, the ES5 check says so in Chinese and the bundle stays quiet", async () => {
    const pane = await openPane({ init: () => delete (Object as unknown as Record<string, unknown>).hasOwn });
    try {
      expect(await pane.message()).toContain(legacyZh["startup.oldWebview"]);
      expect(await pane.page.locator("#root [role=alert]").count()).toBe(1);
      expect(await pane.page.evaluate(() => document.documentElement.hasAttribute("data-pane-started"))).toBe(false);
      expect(pane.errors).toEqual([]);
    } finally {
      await pane.context.close();
    }
  });

  test("with a bundle the web view cannot parse, the same sentence; with the bundle missing, a sentence about the files", async () => {
    const broken = await openPane({ routes: { "taskpane.*.js": () => ({ status: 200, body: "class Pane { static { this.ready = true " }) } });
    try {
      expect(await broken.message()).toContain(legacyZh["startup.oldWebview"]);
      expect(broken.errors.join(" ")).toMatch(/SyntaxError|Unexpected/);
    } finally {
      await broken.context.close();
    }
    const missing = await openPane({ routes: { "taskpane.*.js": () => ({ status: 404 }) } });
    try {
      expect(await missing.message()).toContain(legacyZh["startup.bundleFailed"]);
    } finally {
      await missing.context.close();
    }
  });

  test("the support page and the rules page open, styled by their own policy, with the contact IT gave", async () => {
    const context = await browser.newContext({ locale: "zh-CN" });
    const violations: string[] = [];
    try {
      const page = await context.newPage();
      page.on("console", (m) => m.type() === "error" && violations.push(m.text()));
      await page.goto(`${server.origin}/support.html`);
      expect(await page.locator("body").innerText()).toContain(CONTACT);
      expect(await page.locator("span.red").first().evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(255, 199, 206)");
      await page.getByRole("link", { name: "《评议规则》全文" }).click();
      await page.getByRole("heading", { name: "先教评议助手的评议规则" }).waitFor();
      expect(await page.locator("table").count()).toBeGreaterThanOrEqual(3);
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

test("dist/ is relative to nothing outside itself: no address of the build machine in any of our files", () => {
  for (const file of filesUnder(dist).filter((f) => !f.startsWith("office-js/") && /\.(html|js|xml)$/.test(f))) {
    const text = readFileSync(join(dist, file), "utf8");
    expect({ file, leak: text.includes(resolve(__dirname, "../..")) }).toEqual({ file, leak: false });
  }
});
