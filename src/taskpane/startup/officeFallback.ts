/**
 * With OFFICE_JS=cdn the page loads Office.js from Microsoft's CDN; this ES5 script runs right
 * after that tag. When the CDN was unreachable (no `Office`), it removes the failed tag and writes
 * the add-in's own copy in its place, still in the page's <head> and before the bundle.
 *
 * The failed tag must go: office.js looks for the first <script> whose address ends in office.js
 * and loads its other files (the Excel host file, the strings) from beside that address.
 */
import { OFFICE_CDN, OFFICE_LOCAL } from "./marks";

export function loadLocalOfficeWhenMissing(win: Window, doc: Document): boolean {
  if (typeof (win as unknown as { Office?: unknown }).Office !== "undefined") return false;
  const scripts = doc.getElementsByTagName("script");
  for (let i = scripts.length - 1; i >= 0; i--) {
    const script = scripts[i];
    if (script.src === OFFICE_CDN && script.parentNode) script.parentNode.removeChild(script);
  }
  doc.write('<script src="' + OFFICE_LOCAL + '"></' + "script>");
  return true;
}
