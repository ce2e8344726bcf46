import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Where the add-in's own copy of Office.js goes in dist/ (see src/taskpane/startup/marks.ts). */
export const OFFICE_JS_DIR = "office-js";

/** Office.js's own tables: which Excel host file each platform loads, and which locales have strings. */
export interface OfficeJsTables {
  excelHostVersions: Record<string, string>;
  defaultHostVersion: string;
  locales: string[];
  defaultLocale: string;
}

function match(text: string, pattern: RegExp, what: string): RegExpExecArray {
  const found = pattern.exec(text);
  if (!found) throw new Error(`@microsoft/office-js: office.js no longer holds ${what}; check which files it loads before copying it`);
  return found;
}

/** Reads the tables office.js picks its other files by (at run time, by name, from beside itself). */
export function officeJsTables(officeJs: string): OfficeJsTables {
  const map = match(officeJs, /HostSpecificFileVersionMap\s*=\s*\{[\s\S]*?["']?excel["']?\s*:\s*\{([^}]*)\}/, "the Excel host file versions")[1];
  const excelHostVersions = Object.fromEntries([...map.matchAll(/["']?(\w+)["']?\s*:\s*"([\d.]+)"/g)].map((m) => [m[1], m[2]]));
  const defaultHostVersion = match(officeJs, /HostSpecificFileVersionDefault\s*=\s*"([\d.]+)"/, "the default host file version")[1];
  const localeTable = match(officeJs, /SupportedLocales\s*=\s*\{([^}]*)\}/, "the supported locales")[1];
  const locales = [...localeTable.matchAll(/"([a-z]+(?:-[a-z]+)*)"\s*:/g)].map((m) => m[1]);
  const defaultLocale = match(officeJs, /DefaultLocale\s*:\s*"([a-z-]+)"/, "the default locale")[1];
  return { excelHostVersions, defaultHostVersion, locales, defaultLocale };
}

/**
 * The files of @microsoft/office-js's dist/ that Excel needs, relative to it: office.js; every
 * Excel host file (office.js loads `excel-<platform>-<version>.js`, or through the Office 2013 table
 * `excel-15*.js` / `excelwebapp-*` / `excelios-*`), minified, without the custom-functions `-core`
 * files; the Office 2013 table itself (also what a plain browser loads); the strings of every
 * locale office.js can ask for; and the two telemetry scripts office.js and the host files load
 * by name. Not the Word, PowerPoint, Outlook, OneNote, Project or Access files, nor debug copies.
 * Stops when a file office.js names for Excel is missing from the package.
 */
export function officeJsFiles(packageDist: string): string[] {
  const officeJs = readFileSync(join(packageDist, "office.js"), "utf8");
  const tables = officeJsTables(officeJs);
  const hostFiles = readdirSync(packageDist).filter((f) => /^excel[a-z]*-[\w.-]+\.js$/.test(f) && !f.endsWith(".debug.js") && !f.endsWith("-core.js"));
  const named = Object.entries(tables.excelHostVersions).map(([platform, version]) => `excel-${platform}-${version}.js`);
  const locales = [...new Set([...tables.locales, tables.defaultLocale])].map((locale) => `${locale}/office_strings.js`);
  const files = ["office.js", "o15apptofilemappingtable.js", ...hostFiles.sort(), ...locales.sort(), "telemetry/oteljs_agave.js", "ariatelemetry/aria-web-telemetry.js"];
  const missing = [...named, ...files].filter((file) => !existsSync(join(packageDist, file)));
  if (missing.length > 0) throw new Error(`@microsoft/office-js: missing ${missing.join(", ")}`);
  for (const file of named) if (!files.includes(file)) throw new Error(`@microsoft/office-js: ${file} is not copied`);
  return files;
}
