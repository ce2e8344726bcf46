import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { buildDemo } from "./build";
import { serveFolder } from "./serve";

const CHROMIUM = "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
export const OUTPUT = resolve(__dirname, "../../test-output");

export interface Demo {
  origin: string;
  dist: string;
  context: BrowserContext;
  /** Every URL any page of the context asked for. */
  requests: string[];
  /** Every answer of 400 or more, and every error the pages logged ("Failed to load resource: … 404", an uncaught exception). */
  failures: string[];
  /** A new page of the demo; `init` runs in it before any of the page's own scripts. */
  open(query?: string, viewport?: { width: number; height: number }, init?: () => void): Promise<Page>;
  close(): Promise<void>;
}

/** Builds the demo (production), serves it on 127.0.0.1 and starts Chromium. */
export async function startDemo(): Promise<Demo> {
  const dist = mkdtempSync(join(tmpdir(), "xianjiao-demo-"));
  await buildDemo(dist);
  const server = await serveFolder(dist);
  const profile = mkdtempSync(join(tmpdir(), "xianjiao-chromium-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: FLAGS, headless: true, acceptDownloads: true, viewport: { width: 1400, height: 900 } });
  const requests: string[] = [];
  const failures: string[] = [];
  context.on("request", (request) => requests.push(request.url()));
  context.on("response", (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
  });
  context.on("console", (message) => {
    if (message.type() === "error") failures.push(`console: ${message.text()}`);
  });
  context.on("weberror", (error) => failures.push(`uncaught: ${error.error().message}`));
  let first = true;
  return {
    origin: server.origin,
    dist,
    context,
    requests,
    failures,
    async open(query = "", viewport, init) {
      const page = first && context.pages()[0] ? context.pages()[0] : await context.newPage();
      first = false;
      if (viewport) await page.setViewportSize(viewport);
      if (init) await page.addInitScript(init);
      await page.goto(`${server.origin}/demo.html${query}`);
      return page;
    },
    async close() {
      await context.close();
      await server.close();
      for (const dir of [profile, dist]) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Elements of the task pane that stick out of it sideways (the branch table included: it is laid out for the pane's width). */
export function paneOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; offenders: string[] }> {
  return page.evaluate(() => {
    const pane = document.querySelector<HTMLElement>("[data-testid=pane]")!;
    const box = pane.getBoundingClientRect();
    const right = box.left + pane.clientLeft + pane.clientWidth;
    const offenders: string[] = [];
    for (const el of pane.querySelectorAll<HTMLElement>("*")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right > right + 0.5 || r.left < box.left - 0.5) offenders.push(`${el.tagName}.${el.className} “${(el.textContent ?? "").slice(0, 20)}” ${Math.round(r.left)}–${Math.round(r.right)} > ${Math.round(right)}`);
    }
    return { scrollWidth: pane.scrollWidth, clientWidth: pane.clientWidth, offenders: offenders.slice(0, 5) };
  });
}

/** Where a grid cell is (the first whose text starts with `text`, or the one at `cell`), against the grid's box. */
export function cellPlacement(page: Page, wanted: { text?: string; cell?: string }): Promise<{ cell: string; left: number; right: number; top: number; gridLeft: number; gridRight: number; gridTop: number; hit: boolean } | null> {
  return page.evaluate(({ text, cell }) => {
    const grid = document.querySelector<HTMLElement>("[data-testid=grid]")!.getBoundingClientRect();
    const td = [...document.querySelectorAll<HTMLTableCellElement>("td[data-cell]")].find((c) => (cell ? c.dataset.cell === cell : (c.textContent ?? "").startsWith(text ?? "")));
    if (!td) return null;
    const r = td.getBoundingClientRect();
    // is it what a person sees there, not hidden under the frozen rows or columns?
    const x = Math.min(r.right - 2, Math.max(r.left + 2, grid.left + 60));
    const hit = document.elementFromPoint(x, r.top + r.height / 2) === td;
    return { cell: td.dataset.cell!, left: r.left, right: r.right, top: r.top, gridLeft: grid.left, gridRight: grid.right, gridTop: grid.top, hit };
  }, wanted);
}
