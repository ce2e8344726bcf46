import { resolve } from "node:path";
import { parse } from "acorn";
import { JSDOM } from "jsdom";
import { legacyEn, legacyZh } from "../../src/i18n/legacy";
import { OFFICE_CDN, OFFICE_LOCAL, STARTED_MARK, UNSUPPORTED_MARK } from "../../src/taskpane/startup/marks";
import { es5Script } from "../../scripts/build/es5";

/*
 * The two scripts the task pane loads before Office.js and the bundle, for web views that cannot
 * run the bundle (Internet Explorer 11, the old Edge): they must be ES5, and say their sentence.
 */

const STARTUP = resolve(__dirname, "../../src/taskpane/startup");
const legacy = es5Script(resolve(STARTUP, "legacyEntry.ts"));
const fallback = es5Script(resolve(STARTUP, "officeFallbackEntry.ts"));
/** A jsdom window: the DOM's, plus its constructors, eval and whatever a test adds or takes away. */
type TestWindow = Window & typeof globalThis & Record<string, unknown> & { eval(code: string): unknown };

const PAGE = `<!doctype html><html><head></head><body><div id="root"><p>正在启动先教评议助手…</p></div></body></html>`;

/**
 * A page at the add-in's address with the check run in its <head> (after `prepare` took features
 * away), `beforeLoad` done while it is still loading, and then loaded.
 */
async function pageWithCheck(options: { language?: string; prepare?: (window: Record<string, unknown>) => void; beforeLoad?: (window: TestWindow) => void } = {}) {
  const dom = new JSDOM(PAGE, { url: "https://oa.example.gov.cn/xianjiao/taskpane.html", runScripts: "outside-only" });
  const window = dom.window as unknown as TestWindow;
  expect(window.document.readyState).toBe("loading");
  Object.defineProperty(window.navigator, "language", { value: options.language ?? "zh-CN" });
  options.prepare?.(window);
  window.eval(legacy.code);
  options.beforeLoad?.(window);
  await new Promise((done) => window.addEventListener("load", done));
  const root = () => window.document.getElementById("root")!;
  return { window, document: window.document, root, text: () => root().textContent ?? "" };
}

describe("the scripts are ES5", () => {
  test.each([
    ["start-up check", legacy.code],
    ["Office.js fallback", fallback.code],
  ])("the %s parses as ES5 and uses no later built-in", (_, code) => {
    expect(() => parse(code, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    expect(() => parse("let x = 1;", { ecmaVersion: 5 })).toThrow(); // the parser does refuse ES2015
    expect(code).not.toMatch(/\bObject\.(assign|entries|values|fromEntries|getOwnPropertyDescriptors|getOwnPropertySymbols)\b|\bArray\.(from|of)\b|\.(includes|startsWith|endsWith|padStart|find|findIndex|fill|append|replaceChildren)\(|\bnew (Map|Set|WeakMap|Promise|Proxy)\b/);
    expect([...code].every((c) => c.charCodeAt(0) < 0x80)).toBe(true); // Chinese escaped: reads the same whatever charset it is served with
  });

  test("the check is small and carries only its own sentences", () => {
    expect(legacy.code.length).toBeLessThan(6000);
    expect(legacy.code).not.toContain("officeMissing");
    expect(fallback.code.length).toBeLessThan(1000);
  });
});

describe("the start-up check in a page", () => {
  const threw = (filename: string) => (window: TestWindow) => window.dispatchEvent(new window.ErrorEvent("error", { message: "SyntaxError: Unexpected token '{'", filename }));

  test("a web view without ES2022's built-ins is told in Chinese, once, and the bundle is asked to stay quiet", async () => {
    const page = await pageWithCheck({ prepare: (w) => delete (w.Object as Record<string, unknown>).hasOwn });
    expect(page.text()).toContain(legacyZh["startup.oldWebview"]);
    expect(page.text()).toContain("Office 2021");
    expect(page.text()).not.toContain(legacyEn["startup.oldWebview"]);
    expect(page.document.documentElement.hasAttribute(UNSUPPORTED_MARK)).toBe(true);
    expect(page.root().querySelectorAll("[role=alert]")).toHaveLength(1);
    expect(page.root().querySelector("[role=alert] a")!.getAttribute("href")).toBe("support.html");
  });

  test("an English system gets the English sentence below the Chinese one", async () => {
    const page = await pageWithCheck({ language: "en-US", prepare: (w) => delete (w as Record<string, unknown>).WeakRef });
    expect(page.text()).toContain(legacyZh["startup.oldWebview"]);
    expect(page.text()).toContain(legacyEn["startup.oldWebview"]);
  });

  test("a modern web view sees nothing from it when the bundle starts", async () => {
    const page = await pageWithCheck({ beforeLoad: (w) => w.document.documentElement.setAttribute(STARTED_MARK, "") });
    expect(page.document.documentElement.hasAttribute(UNSUPPORTED_MARK)).toBe(false);
    expect(page.text()).toBe("正在启动先教评议助手…");
  });

  test("a bundle that never ran (its file missing) is said once the page has loaded", async () => {
    const page = await pageWithCheck({
      beforeLoad: (w) => {
        const script = w.document.createElement("script");
        w.document.head.appendChild(script);
        script.dispatchEvent(new w.Event("error")); // a failed download: no script threw
      },
    });
    expect(page.text()).toContain(legacyZh["startup.bundleFailed"]);
  });

  test("a bundle that threw before starting (a web view that parses only part of ES2022) gets the web-view sentence", async () => {
    const ours = await pageWithCheck({ beforeLoad: threw("https://oa.example.gov.cn/xianjiao/taskpane.1234abcd.js") });
    expect(ours.text()).toContain(legacyZh["startup.oldWebview"]);
    // Office.js's own errors, and other sites' scripts, are not ours
    const office = await pageWithCheck({ beforeLoad: threw("https://oa.example.gov.cn/xianjiao/office-js/office.js") });
    expect(office.text()).toContain(legacyZh["startup.bundleFailed"]);
    const cdn = await pageWithCheck({ beforeLoad: threw(OFFICE_CDN) });
    expect(cdn.text()).toContain(legacyZh["startup.bundleFailed"]);
  });
});

describe("the Office.js fallback", () => {
  const HEAD = `<script src="startup.js"></script><script src="${OFFICE_CDN}"></script>`;

  function run(officeLoaded: boolean) {
    const dom = new JSDOM(`<!doctype html><html><head>${HEAD}</head><body></body></html>`, { url: "https://oa.example.gov.cn/xianjiao/taskpane.html", runScripts: "outside-only" });
    const window = dom.window as unknown as TestWindow;
    if (officeLoaded) (window as Record<string, unknown>).Office = {};
    const written: string[] = [];
    window.document.write = (...html: string[]) => void written.push(...html);
    window.eval(fallback.code);
    return { srcs: [...window.document.scripts].map((s) => s.getAttribute("src")), written };
  }

  test("when the CDN did not answer, the failed tag goes and the add-in's own copy is written in its place", () => {
    const { srcs, written } = run(false);
    expect(srcs).toEqual(["startup.js"]); // office.js takes its base from the first script named office.js
    expect(written).toEqual([`<script src="${OFFICE_LOCAL}"></script>`]);
  });

  test("when Office.js came from the CDN, nothing changes", () => {
    expect(run(true)).toEqual({ srcs: ["startup.js", OFFICE_CDN], written: [] });
  });
});
