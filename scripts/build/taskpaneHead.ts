import { OFFICE_CDN, OFFICE_LOCAL } from "../../src/taskpane/startup/marks";

const CDN_ORIGIN = new URL(OFFICE_CDN).origin;

/**
 * The task pane's Content-Security-Policy: scripts from the add-in's own server only (and from
 * Microsoft's Office.js CDN when the build uses it), no connections anywhere but its own server.
 */
export function taskpaneCsp(officeJs: "cdn" | "local"): string {
  const office = officeJs === "cdn" ? ` ${CDN_ORIGIN}` : "";
  return [
    "default-src 'self'",
    `script-src 'self'${office}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    `frame-src 'self'${office}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/**
 * The scripts the task pane loads in its <head>, in order, before the bundle: the ES5 start-up
 * check, then Office.js — Microsoft's CDN followed by the fallback to the add-in's own copy, or
 * the own copy alone.
 */
export function taskpaneScripts(officeJs: "cdn" | "local", files: { startup: string; fallback: string }): string[] {
  return officeJs === "cdn" ? [files.startup, OFFICE_CDN, files.fallback] : [files.startup, OFFICE_LOCAL];
}
