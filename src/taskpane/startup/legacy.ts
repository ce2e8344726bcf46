/**
 * The ES5 start-up check, loaded before Office.js and the bundle (built to ES5 by the build, see
 * scripts/build/es5.ts). The bundle is ES2022: Internet Explorer and the old Edge web views
 * (Office 2016/2019 and some Windows builds) cannot even parse it, and the pane would stay blank.
 *
 * - A web view without the ES2022 built-ins is told so at once, and the bundle is asked to stay quiet.
 * - When the page has loaded and the bundle never started: if one of our scripts threw (a web view
 *   that parses part of ES2022 but not all of it), the same sentence; if no script of ours ran at
 *   all (a file missing on the server), a sentence saying the files did not load.
 *
 * Only ES5 built-ins here, and only these few sentences of the catalogue.
 */
import { legacyEn, legacyZh } from "../../i18n/legacy";
import { HELP_PAGE, ROOT_ID, STARTED_MARK, UNSUPPORTED_MARK } from "./marks";

type LegacyKey = "startup.oldWebview" | "startup.bundleFailed";

/** The built-ins of the engines that parse our bundle (Chromium 93, Safari 15.4, Firefox 92 and later). */
export function canRunBundle(win: Window): boolean {
  const w = win as unknown as Record<string, unknown> & { Object: Record<string, unknown>; Array: { prototype: Record<string, unknown> } };
  try {
    return typeof w.Promise === "function" && typeof w.Symbol === "function" && typeof w.WeakRef === "function" && typeof w.Object.hasOwn === "function" && typeof w.Array.prototype.at === "function";
  } catch {
    return false;
  }
}

function isChinese(nav: Navigator): boolean {
  const language = String(nav.language || (nav as unknown as { userLanguage?: string }).userLanguage || "zh");
  return language.toLowerCase().indexOf("zh") === 0;
}

function paragraph(doc: Document, text: string): HTMLElement {
  const p = doc.createElement("p");
  p.style.margin = "0 0 12px";
  p.appendChild(doc.createTextNode(text));
  return p;
}

/** Replaces what the pane shows with `key` in Chinese (and in English too where the system is not Chinese). */
export function showLegacyMessage(doc: Document, nav: Navigator, key: LegacyKey): void {
  const box = doc.getElementById(ROOT_ID) || doc.body;
  if (!box) return;
  while (box.firstChild) box.removeChild(box.firstChild);
  const message = doc.createElement("div");
  message.setAttribute("role", "alert");
  message.style.padding = "16px";
  message.style.fontFamily = "'Microsoft YaHei', 'PingFang SC', sans-serif";
  message.style.fontSize = "14px";
  message.style.lineHeight = "1.6";
  message.appendChild(paragraph(doc, legacyZh[key]));
  if (!isChinese(nav)) message.appendChild(paragraph(doc, legacyEn[key]));
  const link = doc.createElement("a");
  link.setAttribute("href", HELP_PAGE);
  link.setAttribute("target", "_blank");
  link.appendChild(doc.createTextNode(isChinese(nav) ? legacyZh["startup.help"] : legacyZh["startup.help"] + " / " + legacyEn["startup.help"]));
  message.appendChild(link);
  box.appendChild(message);
}

/** An error thrown by a script of this site other than Office.js (the bundle failing to parse or start). */
function isOurScriptError(event: Event, origin: string): boolean {
  const file = (event as ErrorEvent).filename;
  if (typeof file !== "string" || file.indexOf(origin) !== 0) return false;
  return !/\/office(\.debug)?\.js(\?|$)/.test(file) && file.indexOf("/office-js/") < 0;
}

/** Installs the check on a page (runs once, from the page's <head>). */
export function installLegacyCheck(win: Window, doc: Document): void {
  const root = doc.documentElement;
  const tooOld = !canRunBundle(win);
  const origin = win.location.protocol + "//" + win.location.host + "/";
  let ourScriptThrew = false;
  if (tooOld) root.setAttribute(UNSUPPORTED_MARK, "");

  win.addEventListener(
    "error",
    (event) => {
      if (!root.hasAttribute(STARTED_MARK) && isOurScriptError(event, origin)) ourScriptThrew = true;
    },
    true,
  );
  const whenParsed = () => {
    if (tooOld) showLegacyMessage(doc, win.navigator, "startup.oldWebview");
  };
  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", whenParsed);
  else whenParsed();
  win.addEventListener("load", () => {
    if (tooOld || root.hasAttribute(STARTED_MARK)) return;
    showLegacyMessage(doc, win.navigator, ourScriptThrew ? "startup.oldWebview" : "startup.bundleFailed");
  });
}
