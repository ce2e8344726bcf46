import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

export interface BrowserFigures {
  members: number;
  /** From page load to the task pane's 评议 button being ready (fetching and parsing the .xlsx). */
  loadMs: number;
  /** From the click on 评议 to the results painted (the done message and the grade summary shown). */
  evaluateMs: number;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".png": "image/png",
  ".xml": "application/xml",
};

/** The built demo, with the page's sample workbook (examples/sample.xlsx) answered by `workbook`. */
function serve(dir: string, workbook: string): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? "/").split("?")[0]);
    const file = url.endsWith("/examples/sample.xlsx") ? workbook : path.join(dir, path.normalize(url).replace(/^(\.\.[/\\])+/, ""));
    if (!file.startsWith(dir) && file !== workbook) return void res.writeHead(403).end();
    if (!existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", "Content-Length": statSync(file).size });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, port: (server.address() as { port: number }).port })));
}

/**
 * Runs inside the page (as text: a transpiled function would carry the transpiler's helpers):
 * clicks 评议 and resolves with the milliseconds until the done message and the grade summary
 * are on screen, two animation frames later so they are painted.
 */
function inPageTiming(limit: number): string {
  return `new Promise((resolve, reject) => {
    const text = () => document.body.textContent || "";
    const done = () => text().includes("评议完成") && text().includes("等次统计");
    const failed = () => document.querySelector(".fui-MessageBar[class*='error'], [role='alert']");
    const target = [...document.querySelectorAll("button")].find((b) => (b.textContent || "").trim() === "评议");
    if (!target) return reject(new Error("no 评议 button"));
    const timer = setTimeout(() => reject(new Error("no results within the time limit")), ${limit});
    let start = 0;
    const observer = new MutationObserver(() => {
      const error = failed();
      if (error && !done()) {
        observer.disconnect();
        clearTimeout(timer);
        reject(new Error("the demo reported an error: " + error.textContent));
      } else if (done()) {
        observer.disconnect();
        requestAnimationFrame(() => requestAnimationFrame(() => {
          clearTimeout(timer);
          resolve(performance.now() - start);
        }));
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    start = performance.now();
    target.click();
  })`;
}

export const CHROMIUM = "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/**
 * The demo page in Chromium over a generated workbook: time to load it, then time from the
 * click on 评议 to painted results, both measured inside the page (performance.now and two
 * animation frames after the results appear).
 */
export async function measureBrowser(buildDir: string, workbook: string, members: number, timeoutMs = 300_000): Promise<BrowserFigures> {
  const { chromium } = await import("playwright-core");
  const { server, port } = await serve(buildDir, workbook);
  const profile = mkdtempSync(path.join(tmpdir(), "xianjiao-chromium-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(timeoutMs);
    const loadStart = Date.now();
    await page.goto(`http://127.0.0.1:${port}/demo.html?lang=zh-CN`);
    const button = page.getByRole("button", { name: "评议", exact: true });
    await button.waitFor({ state: "visible" });
    await page.waitForFunction(`[...document.querySelectorAll("button")].some((b) => (b.textContent || "").trim() === "评议" && !b.disabled)`);
    const loadMs = Date.now() - loadStart;
    const evaluateMs = await page.evaluate<number>(inPageTiming(timeoutMs));
    return { members, loadMs, evaluateMs };
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
