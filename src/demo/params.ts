import type { Locale } from "../i18n/t";
import { localeFor } from "../taskpane/context";

/** The sample workbook, copied next to the page by the build. */
export const SAMPLE_URL = "examples/sample.xlsx";
/** Two units' summary workbooks (examples/), copied next to the page too: files to choose under 6. 汇总上报. */
export const SAMPLE_SUMMARIES = ["示例-汇总-XX县教育局党委.xlsx", "示例-汇总-XX县卫健局党委.xlsx"] as const;
/** Office task panes are 320–450 px wide; the demo's pane can be set in that range and a little beyond. */
export const PANE_WIDTH = { min: 280, max: 600, default: 380 };

export interface DemoOptions {
  locale: Locale;
  /** Absolute URL of the workbook to load (same origin as the page). */
  workbookUrl: string;
  /** The file name shown while loading and in the title bar. */
  workbookName: string;
  isSample: boolean;
  paneWidth: number;
}

/**
 * The page's query: `?workbook=<same-origin url of an .xlsx>` loads another workbook instead of
 * the sample, `?pane=320` sets the task pane's width, `?lang=en` the language. A workbook from
 * another origin is refused (the page promises that no data leaves it, and asks nothing of others).
 */
export function demoOptions(search: string, pageUrl: string): { ok: true; options: DemoOptions } | { ok: false; locale: Locale; url: string } {
  const query = new URLSearchParams(search);
  const locale = localeFor(query.get("lang") ?? undefined);
  const asked = query.get("workbook");
  const url = new URL(asked || SAMPLE_URL, pageUrl);
  if (url.origin !== new URL(pageUrl).origin) return { ok: false, locale, url: url.href };
  const pane = Number(query.get("pane"));
  const paneWidth = Number.isFinite(pane) && pane > 0 ? Math.min(PANE_WIDTH.max, Math.max(PANE_WIDTH.min, Math.round(pane))) : PANE_WIDTH.default;
  const workbookName = asked ? decodeURIComponent(url.pathname.split("/").pop() || url.pathname) : "示例-先教评议.xlsx";
  return { ok: true, options: { locale, workbookUrl: url.href, workbookName, isSample: !asked, paneWidth } };
}
