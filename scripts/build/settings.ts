import { t, type MessageKey, type MessageVars } from "../../src/i18n/t";

/** What IT sets for a build (environment variables), checked and normalised. */
export interface BuildSettings {
  /** Where dist/ is served, ending in "/" (ADDIN_URL). */
  addinUrl: string;
  /** cdn: Microsoft's CDN first, the add-in's own copy when it fails; local: the own copy only (OFFICE_JS). */
  officeJs: "cdn" | "local";
  /** Who to ask, on the support page (SUPPORT_CONTACT). */
  supportContact: string;
  /** The manifest's four-part version, from package.json. */
  manifestVersion: string;
}

export const DEFAULT_SUPPORT_CONTACT = "请联系为您安装本加载项的单位信息化管理员，或本单位先教办。";

/** A build setting that cannot work: its sentence in Chinese, then in English. */
export class BuildSettingError extends Error {
  constructor(
    readonly key: MessageKey,
    vars: MessageVars = {},
  ) {
    super(`${t(key, vars, "zh-CN")}\n${t(key, vars, "en")}`);
    this.name = "BuildSettingError";
  }
}

/** ADDIN_URL as the folder address it must be: https, no credentials, query or fragment, ending in "/". */
export function addinBaseUrl(value: string | undefined): string {
  const text = (value ?? "").trim();
  if (!text) throw new BuildSettingError("build.addinUrlMissing");
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new BuildSettingError("build.addinUrlInvalid", { value: text });
  }
  if (url.protocol !== "https:") throw new BuildSettingError("build.addinUrlNotHttps", { value: text });
  if (!url.hostname) throw new BuildSettingError("build.addinUrlInvalid", { value: text });
  if (url.username || url.password || url.search || url.hash || /[?#]/.test(text)) throw new BuildSettingError("build.addinUrlExtra", { value: text });
  if (/\.(html?|xml|js|png)$/i.test(url.pathname)) throw new BuildSettingError("build.addinUrlFile", { value: text });
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}

/** package.json's "1.2.3" as the manifest's "1.2.3.0" (one to four numbers of up to five digits). */
export function manifestVersion(packageVersion: string): string {
  const parts = packageVersion.trim().split(".");
  if (parts.length > 4 || !parts.every((p) => /^\d{1,5}$/.test(p))) throw new BuildSettingError("build.versionInvalid", { value: packageVersion });
  while (parts.length < 4) parts.push("0");
  return parts.map((p) => String(Number(p))).join(".");
}

/**
 * The settings of an add-in build from the environment. A production build must be told where it
 * will be served; a development build (the dev server, `npm start`) defaults to the development
 * manifest's own address.
 */
export function readBuildSettings(env: Record<string, string | undefined>, options: { production: boolean; devUrl: string; packageVersion: string }): BuildSettings {
  const given = env.ADDIN_URL?.trim();
  const addinUrl = addinBaseUrl(given || (options.production ? undefined : options.devUrl));
  const officeJs = (env.OFFICE_JS?.trim() || "cdn").toLowerCase();
  if (officeJs !== "cdn" && officeJs !== "local") throw new BuildSettingError("build.officeJsInvalid", { value: env.OFFICE_JS ?? "" });
  const supportContact = env.SUPPORT_CONTACT?.trim() || DEFAULT_SUPPORT_CONTACT;
  return { addinUrl, officeJs, supportContact, manifestVersion: manifestVersion(options.packageVersion) };
}
