/// <reference types="office-js" />
import type { ExcelRunner, SettingsStore, XlContext } from "./excel-api";

/** The ExcelRunner inside Excel: waits for a cell edit to end instead of failing. */
export function officeRunner(): ExcelRunner {
  return async (batch) => {
    return await Excel.run({ delayForCellEdit: true }, async (context: Excel.RequestContext) => {
      const ours: XlContext = context;
      return await batch(ours);
    });
  };
}

/** Requirement sets the add-in needs, with what each one is for. */
export const REQUIRED_SETS: { set: string; version: string }[] = [
  { set: "ExcelApi", version: "1.6" }, // custom conditional formats
  { set: "ExcelApi", version: "1.7" }, // getRangeByIndexes, freezePanes, chart category names
];

export type IsSetSupported = (name: string, version: string) => boolean;

function officeIsSetSupported(): IsSetSupported {
  if (typeof Office === "undefined" || !Office.context?.requirements) return () => false;
  return (name, version) => Office.context.requirements.isSetSupported(name, version);
}

/** Whether this Excel can run the add-in, and the requirement sets it lacks ("ExcelApi 1.6"). */
export function requirementsOk(isSetSupported: IsSetSupported = officeIsSetSupported()): { ok: boolean; missing: string[] } {
  const missing = REQUIRED_SETS.filter((r) => !isSetSupported(r.set, r.version)).map((r) => `${r.set} ${r.version}`);
  return { ok: missing.length === 0, missing };
}

/** The document's settings through Office.context.document.settings. */
export function officeSettingsStore(): SettingsStore {
  const settings = () => Office.context.document.settings;
  return {
    get: (name) => settings().get(name) ?? null,
    set: (name, value) => settings().set(name, value),
    saveAsync: () =>
      new Promise<void>((resolve, reject) => {
        settings().saveAsync((result) => {
          if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
          else reject(result.error);
        });
      }),
  };
}

/** Excel.createWorkbook where ExcelApi 1.8 is there; undefined elsewhere. */
export function officeCreateWorkbook(isSetSupported: IsSetSupported = officeIsSetSupported()): ((base64: string) => Promise<void>) | undefined {
  if (!isSetSupported("ExcelApi", "1.8")) return undefined;
  return async (base64) => {
    await Excel.createWorkbook(base64);
  };
}
