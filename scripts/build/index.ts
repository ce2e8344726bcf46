/**
 * What webpack.config.js builds besides the bundles, for the add-in (not the demo): the manifest
 * for ADDIN_URL, the two ES5 start-up scripts, the support and rules pages, the list of Office.js
 * files to copy, and the task pane's <head>. webpack.config.js loads this file through esbuild.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { t } from "../../src/i18n/t";
import { es5Script } from "./es5";
import { buildManifest, manifestBase, manifestFiles, parseManifest } from "./manifest";
import { officeJsFiles, OFFICE_JS_DIR } from "./officeJs";
import { RULES_PAGE, rulesPage, SUPPORT_PAGE, supportPage } from "./pages";
import { readBuildSettings, type BuildSettings } from "./settings";
import { escapeHtml } from "./markdown";
import { taskpaneCsp, taskpaneScripts } from "./taskpaneHead";

export { BuildSettingError } from "./settings";
export { OFFICE_JS_DIR } from "./officeJs";

/** The development manifest's address (https://localhost:3000/), where the dev server serves the pane. */
export function devAddinUrl(root: string): string {
  return manifestBase(parseManifest(readFileSync(join(root, "manifest.xml"), "utf8")));
}

/** The add-in build's settings from the environment (see scripts/build/settings.ts). */
export function addinSettings(root: string, env: Record<string, string | undefined>, production: boolean): BuildSettings & { packageVersion: string } {
  const packageVersion = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
  return { ...readBuildSettings(env, { production, devUrl: devAddinUrl(root), packageVersion }), packageVersion };
}

export interface AddinOutputs {
  /** Files written into dist/ as they are (name → content). */
  files: Record<string, string>;
  /** The icons the manifest names, copied from the project as they are ("assets/icon-32.png"). */
  icons: string[];
  /** Office.js's folder in node_modules and the files of it to copy to dist/office-js/. */
  officeJs: { from: string; files: string[]; to: string };
  /** The task pane template's parameters. */
  html: { csp: string; headScripts: string; loading: string; noScript: string };
}

export function addinOutputs(root: string, settings: BuildSettings & { packageVersion: string }): AddinOutputs {
  const startup = es5Script(join(root, "src/taskpane/startup/legacyEntry.ts"));
  const names = { startup: `startup.${startup.hash}.js`, fallback: "" };
  const files: Record<string, string> = { [names.startup]: startup.code };
  if (settings.officeJs === "cdn") {
    const fallback = es5Script(join(root, "src/taskpane/startup/officeFallbackEntry.ts"));
    names.fallback = `office-fallback.${fallback.hash}.js`;
    files[names.fallback] = fallback.code;
  }
  files["manifest.xml"] = buildManifest(readFileSync(join(root, "manifest.xml"), "utf8"), settings);
  files[SUPPORT_PAGE] = supportPage({ contact: settings.supportContact, version: settings.packageVersion, officeJs: settings.officeJs });
  files[RULES_PAGE] = rulesPage(readFileSync(join(root, "docs/评议规则.md"), "utf8"));
  const officeDist = dirname(require.resolve("@microsoft/office-js/dist/office.js", { paths: [root] }));
  const icons = manifestFiles(files["manifest.xml"], settings.addinUrl).filter((file) => file.endsWith(".png"));
  return {
    files,
    icons,
    officeJs: { from: officeDist, files: officeJsFiles(officeDist), to: OFFICE_JS_DIR },
    html: {
      csp: taskpaneCsp(settings.officeJs),
      headScripts: taskpaneScripts(settings.officeJs, names)
        .map((src) => `<script src="${escapeHtml(src)}"></script>`)
        .join("\n    "),
      loading: escapeHtml(t("startup.loading")),
      noScript: escapeHtml(`${t("startup.noScript")} / ${t("startup.noScript", {}, "en")}`),
    },
  };
}
