import { t, type Locale, type MessageKey, type MessageVars } from "../../i18n/t";
import { localeFor } from "../context";
import { HELP_PAGE, ROOT_ID, STARTED_MARK, UNSUPPORTED_MARK } from "./marks";

/** The part of Office.js the start-up uses. */
export interface OfficeStartApi {
  onReady(): Promise<{ host: unknown; platform: unknown }>;
  context?: { displayLanguage?: string };
}

export interface StartOptions {
  /** Office.js's `Office`, or undefined when the script did not load. */
  office: OfficeStartApi | undefined;
  /** Whether this Excel has the requirement sets the add-in needs (asked once Office is ready). */
  requirementsOk(): boolean;
  /** Renders the pane into `root`. */
  mount(root: HTMLElement, locale: Locale): void;
  /** The system's language, for sentences said before Office reports its own. */
  language?: string;
  /** How long to wait for Office before saying so (it keeps waiting). */
  slowAfterMs?: number;
}

export type StartOutcome = { mounted: true; locale: Locale } | { mounted: false; message: MessageKey | null };

const SLOW_AFTER_MS = 15_000;

/** Says `key` in the pane instead of the pane, with a link to the support page. */
export function showStartupMessage(root: HTMLElement, key: MessageKey, locale: Locale, vars: MessageVars = {}): void {
  const doc = root.ownerDocument;
  const box = doc.createElement("div");
  box.setAttribute("role", key === "startup.officeSlow" ? "status" : "alert");
  box.dataset.startup = key;
  Object.assign(box.style, { padding: "16px", fontFamily: "'Microsoft YaHei', 'PingFang SC', sans-serif", fontSize: "14px", lineHeight: "1.6" });
  const text = doc.createElement("p");
  text.style.margin = "0 0 12px";
  text.textContent = t(key, vars, locale);
  const help = doc.createElement("a");
  help.href = HELP_PAGE;
  help.target = "_blank";
  help.textContent = t("startup.help", {}, locale);
  box.append(text, help);
  root.replaceChildren(box);
}

/**
 * Starts the pane: waits for Office.js and mounts the pane in Excel, or says in the pane why it
 * cannot — Office.js missing or failing, a plain browser, another Office program, an Excel
 * without the requirement sets. Stays quiet when the ES5 check already spoke.
 */
export async function startPane(doc: Document, options: StartOptions): Promise<StartOutcome> {
  const html = doc.documentElement;
  const root = doc.getElementById(ROOT_ID);
  if (!root || html.hasAttribute(UNSUPPORTED_MARK)) return { mounted: false, message: null };
  html.setAttribute(STARTED_MARK, "");
  const early = localeFor(options.language);
  const say = (key: MessageKey, locale: Locale, vars?: MessageVars): StartOutcome => {
    html.lang = locale;
    showStartupMessage(root, key, locale, vars);
    return { mounted: false, message: key };
  };

  const office = options.office;
  if (!office || typeof office.onReady !== "function") return say("startup.officeMissing", early);
  const slow = setTimeout(() => showStartupMessage(root, "startup.officeSlow", early), options.slowAfterMs ?? SLOW_AFTER_MS);
  let info: { host: unknown };
  try {
    info = await office.onReady();
  } catch (error) {
    return say("startup.officeFailed", early, { detail: error instanceof Error ? error.message : String(error) });
  } finally {
    clearTimeout(slow);
  }

  const locale = localeFor(office.context?.displayLanguage ?? options.language);
  if (!info.host) return say("startup.notInExcel", locale);
  if (info.host !== "Excel") return say("startup.wrongHost", locale, { host: String(info.host) });
  if (!options.requirementsOk()) return say("ui.requirements", locale);
  html.lang = locale;
  options.mount(root, locale);
  return { mounted: true, locale };
}
