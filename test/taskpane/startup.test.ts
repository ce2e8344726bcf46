/** @jest-environment jsdom */
import { t } from "../../src/i18n/t";
import { startPane, type OfficeStartApi, type StartOptions } from "../../src/taskpane/startup/start";
import { STARTED_MARK, UNSUPPORTED_MARK } from "../../src/taskpane/startup/marks";

/*
 * The bundle's start: in Excel it mounts the pane; everywhere else the pane says why not, in
 * Chinese (English when Office reports an English display), with a link to the support page.
 */

beforeEach(() => {
  document.documentElement.removeAttribute(STARTED_MARK);
  document.documentElement.removeAttribute(UNSUPPORTED_MARK);
  document.body.innerHTML = `<div id="root"><p>${t("startup.loading")}</p></div>`;
});

const root = () => document.getElementById("root")!;
const said = () => root().querySelector("[data-startup]")?.getAttribute("data-startup") ?? null;

function office(info: { host: unknown; platform?: unknown }, displayLanguage = "zh-CN"): OfficeStartApi {
  return { onReady: () => Promise.resolve({ platform: null, ...info }), context: { displayLanguage } };
}

function start(overrides: Partial<StartOptions>) {
  const mounted: string[] = [];
  const outcome = startPane(document, {
    office: office({ host: "Excel", platform: "PC" }),
    requirementsOk: () => true,
    mount: (_, locale) => void mounted.push(locale),
    language: "zh-CN",
    ...overrides,
  });
  return { outcome, mounted };
}

test("in Excel with the requirement sets, the pane mounts in Office's display language and marks that it started", async () => {
  const { outcome, mounted } = start({ office: office({ host: "Excel" }, "en-US") });
  expect(await outcome).toEqual({ mounted: true, locale: "en" });
  expect(mounted).toEqual(["en"]);
  expect(document.documentElement.hasAttribute(STARTED_MARK)).toBe(true);
  expect(document.documentElement.lang).toBe("en");
});

test("Office.js that did not load (the CDN and our copy both unreachable) is said, not a blank pane", async () => {
  const { outcome, mounted } = start({ office: undefined });
  expect(await outcome).toEqual({ mounted: false, message: "startup.officeMissing" });
  expect(mounted).toEqual([]);
  expect(root().textContent).toContain("没有加载到 Office 的脚本库（office.js）");
  expect(root().querySelector("[role=alert] a")!.getAttribute("href")).toBe("support.html");
  expect(document.documentElement.hasAttribute(STARTED_MARK)).toBe(true); // the ES5 check must not speak over it
});

test("a plain browser (Office.js ready with no host) is told to open it in Excel", async () => {
  expect(await start({ office: office({ host: null }) }).outcome).toEqual({ mounted: false, message: "startup.notInExcel" });
  expect(root().textContent).toContain("不能直接在浏览器中使用");
  expect(root().textContent).toContain("“开始”选项卡 → “先教评议”");
});

test("another Office program is named", async () => {
  await start({ office: office({ host: "Word" }) }).outcome;
  expect(root().textContent).toContain("只能在 Excel 中使用（当前是 Word）");
});

test("an Excel without ExcelApi 1.7 is told which Excel versions have it", async () => {
  const { outcome, mounted } = start({ requirementsOk: () => false });
  expect(await outcome).toEqual({ mounted: false, message: "ui.requirements" });
  expect(mounted).toEqual([]);
  expect(root().textContent).toContain("需要 ExcelApi 1.7");
  expect(root().textContent).toContain("版本 1801");
});

test("Office.js failing to start is said with its reason", async () => {
  const failing: OfficeStartApi = { onReady: () => Promise.reject(new Error("Office Web Extension script library file name should be office.js")) };
  await start({ office: failing }).outcome;
  expect(said()).toBe("startup.officeFailed");
  expect(root().textContent).toContain("（Office Web Extension script library file name should be office.js）");
});

test("a slow Office says it is waiting, and the pane still mounts when Office answers", async () => {
  jest.useFakeTimers();
  try {
    let ready!: (info: { host: unknown; platform: unknown }) => void;
    const slow: OfficeStartApi = { onReady: () => new Promise((resolve) => (ready = resolve)) };
    const { outcome, mounted } = start({ office: slow, slowAfterMs: 15_000 });
    jest.advanceTimersByTime(14_000);
    expect(said()).toBeNull();
    jest.advanceTimersByTime(2_000);
    expect(said()).toBe("startup.officeSlow");
    expect(root().querySelector("[role=status]")!.textContent).toContain("正在等待 Excel 响应");
    ready({ host: "Excel", platform: "PC" });
    expect(await outcome).toEqual({ mounted: true, locale: "zh-CN" });
    expect(mounted).toEqual(["zh-CN"]);
  } finally {
    jest.useRealTimers();
  }
});

test("after the ES5 check found the web view too old, the bundle says and mounts nothing", async () => {
  document.documentElement.setAttribute(UNSUPPORTED_MARK, "");
  const { outcome, mounted } = start({});
  expect(await outcome).toEqual({ mounted: false, message: null });
  expect(mounted).toEqual([]);
  expect(root().textContent).toBe(t("startup.loading"));
  expect(document.documentElement.hasAttribute(STARTED_MARK)).toBe(false);
});

test("before Office answers, an English system gets English", async () => {
  await start({ office: undefined, language: "en-GB" }).outcome;
  expect(root().textContent).toContain("Office's script library (office.js) did not load");
});
